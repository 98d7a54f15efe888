namespace Forecast.Application.Bids;

/// <summary>Which of some advertiser ids and scenario keys exist for a tenant, in one round trip (bid estimates are latency-bound).</summary>
public interface IReferenceReader
{
    Task<(IReadOnlySet<string> Advertisers, IReadOnlySet<string> Scenarios)> ExistingAsync(
        Guid tenantId, IReadOnlyCollection<string> advertiserIds, IReadOnlyCollection<string> scenarioKeys, CancellationToken cancellationToken);
}
