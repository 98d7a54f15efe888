using Forecast.Application.Forecasts;

namespace Forecast.Infrastructure.Forecasts;

/// <summary>
/// The forecasts table read through <see cref="FreshForecastCache"/>: reads of named advertisers take what the cache
/// holds and read the rest from the table (every scenario of them, so the entry answers any scenario asked next).
/// Whole-tenant reads and snapshots go to the table; a replacement drops the tenant's entries once committed.
/// </summary>
internal sealed class CachedForecastStore(NpgsqlForecastStore table, FreshForecastCache cache) : IForecastStore
{
    public async Task ReplaceAsync(Guid tenantId, IReadOnlyList<StoredScenarioForecast> forecasts, CancellationToken cancellationToken)
    {
        await table.ReplaceAsync(tenantId, forecasts, cancellationToken);
        cache.Forget(tenantId);
    }

    public Task<IReadOnlyDictionary<(string AdvertiserId, string Scenario), double>> ReadChurnAsync(Guid tenantId, CancellationToken cancellationToken) =>
        table.ReadChurnAsync(tenantId, cancellationToken);

    public async Task<IReadOnlyList<StoredScenarioForecast>> ReadFreshAsync(
        Guid tenantId, Guid modelId, IReadOnlyCollection<string>? advertiserIds, string? scenario, CancellationToken cancellationToken)
    {
        if (advertiserIds is null || cache.ShelfOf(tenantId) is not { } shelf)
        {
            return await table.ReadFreshAsync(tenantId, modelId, advertiserIds, scenario, cancellationToken);
        }

        var found = new List<StoredScenarioForecast>();
        var missing = new List<string>();
        foreach (var advertiserId in advertiserIds.Distinct(StringComparer.Ordinal))
        {
            if (shelf.TryGet(advertiserId, modelId, out var rows))
            {
                found.AddRange(rows);
            }
            else
            {
                missing.Add(advertiserId);
            }
        }

        if (missing.Count > 0)
        {
            var read = await table.ReadFreshAsync(tenantId, modelId, missing, scenario: null, cancellationToken);
            foreach (var advertiser in read.GroupBy(row => row.AdvertiserId, StringComparer.Ordinal))
            {
                shelf.Put(advertiser.Key, modelId, advertiser.ToList());
            }

            found.AddRange(read);
        }

        return scenario is null ? found : found.Where(row => row.Forecast.Scenario == scenario).ToList();
    }

    public IAsyncEnumerable<StoredScenarioForecast> StreamFreshAsync(Guid tenantId, Guid modelId, string? scenario, CancellationToken cancellationToken) =>
        table.StreamFreshAsync(tenantId, modelId, scenario, cancellationToken);

    public Task<IReadOnlyList<StoredScenarioForecast>> ReadSnapshotAsync(
        Guid tenantId, string advertiserId, DateOnly asOf, string? scenario, CancellationToken cancellationToken) =>
        table.ReadSnapshotAsync(tenantId, advertiserId, asOf, scenario, cancellationToken);
}
