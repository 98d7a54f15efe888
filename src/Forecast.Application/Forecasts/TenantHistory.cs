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
