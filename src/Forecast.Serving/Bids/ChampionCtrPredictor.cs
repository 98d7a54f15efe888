using Forecast.Application.Bids;
using Forecast.Application.Common.Telemetry;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Ml.Ctr.Data;
using Forecast.Serving.Champions;

namespace Forecast.Serving.Bids;

/// <summary>
/// pCTRs from the tenant's CTR champion: each opportunity becomes a one-impression observation at its moment, with its
/// advertiser's delivery history read as training saw it (the latest rows before that moment, and its windowed totals
/// in the opportunity's scenario and context).
/// </summary>
internal sealed class ChampionCtrPredictor(CtrChampions champions, IAdStatsReader adStats) : ICtrPredictor
{
    public async Task<CtrPredictions?> PredictAsync(Guid tenantId, IReadOnlyList<PricedOpportunity> opportunities, CancellationToken cancellationToken)
    {
        using var champion = await champions.GetAsync(tenantId, cancellationToken);
        if (champion is null)
        {
            return null;
        }

        var length = champion.Model.Manifest.Schema.SequenceLength;
        var observations = opportunities
            .Select(opportunity => new AdObservation(opportunity.AdvertiserId, opportunity.Scenario, opportunity.At, 0, opportunity.Context, 1, 0))
            .ToList();
        var histories = new DeliveryHistory[opportunities.Count];
        // Usually one moment (now) for the whole batch: one read per distinct moment.
        foreach (var moment in Enumerable.Range(0, opportunities.Count).GroupBy(index => opportunities[index].At))
        {
            var advertisers = moment.Select(index => opportunities[index].AdvertiserId).Distinct(StringComparer.Ordinal).ToList();
            var deliveries = await adStats.ReadRecentAsync(tenantId, advertisers, moment.Key, length, RecentClickTotals.WindowDays, cancellationToken);
            foreach (var index in moment)
            {
                histories[index] = deliveries.TryGetValue(opportunities[index].AdvertiserId, out var delivery)
                    ? new DeliveryHistory(delivery.FirstSeen, AdObservations.From(delivery.Recent), RecentClickTotals.Of(observations[index], Windowed(delivery)))
                    : DeliveryHistory.None;
            }
        }

        ForecastTelemetry.BidsServed(champion.Architecture, opportunities.Count);
        return new CtrPredictions(
            new CtrModelRef(champion.ModelId, champion.Version, champion.Architecture),
            champion.Model.Predict(observations, histories));
    }

    private static IEnumerable<WindowedDelivery> Windowed(AdvertiserDelivery delivery) =>
        delivery.Windows.Select(window => new WindowedDelivery(window.Scenario, RecentClickTotals.ContextKey(window.Context), window.Impressions, window.Clicks));
}
