using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;

namespace Forecast.Application.Forecasts;

/// <summary>
/// What the models read of a tenant: reference attributes and the fact rows, as ingested. <see cref="LastDay"/> is the
/// tenant's as-of day (<see cref="TenantDataDays"/>): the forecasts start from it, and rows after it wait.
/// </summary>
public sealed record TenantHistory(
    DateOnly? LastDay,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ScenarioAttributes,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> AdvertiserProfiles,
    IReadOnlyList<DailyMetricRow> Metrics,
    IReadOnlyList<BehaviourEventRow> Events);

/// <summary>
/// Reads a tenant's history: for training all of it, for forecasts the metrics of the last <c>recentDays</c> days up to
/// the tenant's latest day and the behaviour events of the last <c>behaviourDays</c> (null: as many), of some
/// advertisers (null: all).
/// </summary>
public interface ITenantHistoryReader
{
    Task<TenantHistory> ReadAsync(
        Guid tenantId, IReadOnlyCollection<string>? advertiserIds, int? recentDays, int? behaviourDays, CancellationToken cancellationToken);

    /// <summary>The days of the tenant's daily metrics and its as-of day; null when it has none.</summary>
    Task<TenantDataDays?> ReadDataDaysAsync(Guid tenantId, CancellationToken cancellationToken);
}
