namespace Forecast.Application.Forecasts;

/// <summary>One stored forecast row, as read back.</summary>
public sealed record StoredScenarioForecast(string AdvertiserId, DateOnly AsOf, int HorizonDays, Guid ModelId, int ModelVersion, ScenarioForecastDto Forecast);

/// <summary>
/// The batch-scored forecasts of a tenant. Reads return only fresh rows: scored from the tenant's latest day of
/// metrics by the given model; anything else is recomputed online. Every replacement also keeps its rows as dated
/// snapshots, the forecasts as issued that day.
/// </summary>
public interface IForecastStore
{
    /// <summary>Replaces all of the tenant's stored forecasts, and keeps them as the snapshots of their model and day, in one transaction.</summary>
    Task ReplaceAsync(Guid tenantId, IReadOnlyList<StoredScenarioForecast> forecasts, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredScenarioForecast>> ReadFreshAsync(
        Guid tenantId, Guid modelId, IReadOnlyCollection<string>? advertiserIds, string? scenario, CancellationToken cancellationToken);

    /// <summary>
    /// Every fresh stored forecast of the model (all of the tenant's advertisers, one scenario or all), by advertiser
    /// and scenario, read as it is enumerated: for exports of any size.
    /// </summary>
    IAsyncEnumerable<StoredScenarioForecast> StreamFreshAsync(Guid tenantId, Guid modelId, string? scenario, CancellationToken cancellationToken);

    /// <summary>
    /// The forecast of an advertiser issued as of a day (every scenario, or one), from the model that scored that day last;
    /// empty when none was.
    /// </summary>
    Task<IReadOnlyList<StoredScenarioForecast>> ReadSnapshotAsync(
        Guid tenantId, string advertiserId, DateOnly asOf, string? scenario, CancellationToken cancellationToken);

    /// <summary>The churn probability of every stored forecast, fresh or not, by advertiser and scenario.</summary>
    Task<IReadOnlyDictionary<(string AdvertiserId, string Scenario), double>> ReadChurnAsync(Guid tenantId, CancellationToken cancellationToken);
}
