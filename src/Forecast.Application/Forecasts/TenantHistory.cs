using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;

namespace Forecast.Application.Forecasts;

/// <summary>
/// What the models read of a tenant: reference attributes and the fact rows, as ingested. <see cref="LastDay"/> is the
/// tenant's latest day of metrics (the as-of date of forecasts), whoever the rows are for.
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

    /// <summary>The first and latest day of the tenant's daily metrics; null when it has none.</summary>
    Task<(DateOnly First, DateOnly Last)?> ReadDaySpanAsync(Guid tenantId, CancellationToken cancellationToken);
}
