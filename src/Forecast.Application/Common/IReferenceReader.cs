namespace Forecast.Application.Common;

/// <summary>
/// Which of some advertiser ids and scenario keys exist for a tenant, in one plain-SQL round trip: the latency-bound
/// read paths (forecasts, bid estimates) check references without building a DbContext per request.
/// </summary>
public interface IReferenceReader
{
    Task<(IReadOnlySet<string> Advertisers, IReadOnlySet<string> Scenarios)> ExistingAsync(
        Guid tenantId, IReadOnlyCollection<string> advertiserIds, IReadOnlyCollection<string> scenarioKeys, CancellationToken cancellationToken);
}
