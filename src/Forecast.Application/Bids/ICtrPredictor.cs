namespace Forecast.Application.Bids;

/// <summary>pCTRs of the CTR champion for ad opportunities, in the order asked.</summary>
public sealed record CtrPredictions(CtrModelRef Model, IReadOnlyList<double> ClickThroughRates);

/// <summary>Predicts click-through rates with the tenant's CTR champion (null: the tenant has none).</summary>
public interface ICtrPredictor
{
    Task<CtrPredictions?> PredictAsync(Guid tenantId, IReadOnlyList<PricedOpportunity> opportunities, CancellationToken cancellationToken);
}

/// <summary>An opportunity with its moment fixed.</summary>
public sealed record PricedOpportunity(string AdvertiserId, string Scenario, DateTimeOffset At, IReadOnlyDictionary<string, string> Context);
