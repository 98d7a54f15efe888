using Forecast.Application.Common.Refusals;

namespace Forecast.Application.Bids;

/// <summary>
/// Prices opportunities whose advertisers and scenarios exist: pCTR from the CTR champion, pCVR for cpa goals, the bid
/// of the goal's formula and the landscape of the scenario's market when the tenant has sent auction outcomes.
/// </summary>
public sealed class BidEstimator(ICtrPredictor predictor, IConversionReader conversions, IAuctionMarketReader markets, TimeProvider clock)
{
    /// <summary>Estimates in the order of the requests; fieldOf names a request's field in errors ("goal.type" or "items[3].goal.type").</summary>
    public async Task<IReadOnlyList<BidEstimateDto>> EstimateAsync(
        Guid tenantId, IReadOnlyList<BidRequest> requests, Func<int, string, string> fieldOf, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opportunities = requests
            .Select(request => new PricedOpportunity(request.AdvertiserId, request.Scenario, request.At ?? now, request.Context ?? new Dictionary<string, string>()))
            .ToList();
        var predictions = await predictor.PredictAsync(tenantId, opportunities, cancellationToken)
            ?? throw Refusal.Conflict(
                "No CTR model yet",
                "This tenant has no champion CTR model. Send ad stats (POST /v1/ingest/ad-stats), then train one with POST /v1/models/ctr/train and follow the job at /v1/jobs/{id}.");

        var conversionRates = await ConversionRatesAsync(tenantId, requests, fieldOf, cancellationToken);
        var scenarioAdvertisers = requests.Select(request => (request.Scenario, request.AdvertiserId)).Distinct().ToList();
        var market = await markets.ReadAsync(tenantId, scenarioAdvertisers, cancellationToken);
        return requests.Select((request, index) =>
        {
            var ctr = predictions.ClickThroughRates[index];
            var cvr = conversionRates?.Of(request.AdvertiserId, request.Scenario);
            var bid = BidGoals.RecommendedBid(request.Goal, ctr, cvr);
            var landscape = BidLandscapeEstimator.Estimate(market[(request.Scenario, request.AdvertiserId)], bid, ctr, out var unavailable);
            return new BidEstimateDto(
                request.AdvertiserId,
                request.Scenario,
                opportunities[index].At,
                Math.Round(ctr, 6),
                cvr is { } rate ? Math.Round(rate, 6) : null,
                request.Goal,
                bid,
                BidGoals.Formula(request.Goal.Type),
                ctr > 0 ? Math.Round(bid / (decimal)(1000 * ctr), 4) : null,
                landscape,
                unavailable,
                predictions.Model);
        }).ToList();
    }

    /// <summary>Conversion rates where cpa goals need them (other goals are priced without); a cpa goal in a scenario without tracked conversions is refused.</summary>
    private async Task<ConversionRates?> ConversionRatesAsync(
        Guid tenantId, IReadOnlyList<BidRequest> requests, Func<int, string, string> fieldOf, CancellationToken cancellationToken)
    {
        var scenarios = requests.Where(request => request.Goal.Type == BidGoals.Cpa).Select(request => request.Scenario).Distinct(StringComparer.Ordinal).ToList();
        if (scenarios.Count == 0)
        {
            return null;
        }

        var rates = new ConversionRates(await conversions.ReadAsync(tenantId, scenarios, cancellationToken));
        var refused = requests
            .Select((request, index) => (request, index))
            .Where(pair => pair.request.Goal.Type == BidGoals.Cpa && rates.Of(pair.request.AdvertiserId, pair.request.Scenario) is null)
            .ToDictionary(
                pair => fieldOf(pair.index, "goal.type"),
                pair => new[] { $"A cpa goal needs conversions, and no ad stats of scenario '{pair.request.Scenario}' track them; send conversions with the ad stats or bid for cpc or ecpm." });
        return refused.Count > 0 ? throw Refusal.Invalid("Some goals cannot be priced; nothing was estimated.", refused) : rates;
    }
}
