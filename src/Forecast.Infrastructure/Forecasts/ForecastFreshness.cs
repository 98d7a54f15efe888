namespace Forecast.Infrastructure.Forecasts;

/// <summary>
/// What makes a tenant's stored forecasts stale, declared once. A stored forecast is fresh while it is the champion's
/// and starts from the tenant's as-of day (<see cref="TenantAsOfDay"/>), so only two tables can make it stale: the
/// daily metrics (they set the as-of day) and the forecasts themselves. The database announces their committed changes
/// on <see cref="FreshForecastCache.InputsChangedChannel"/> (migration <c>ForecastFreshnessNotifications</c>, which
/// spells the tables out: a test holds its triggers to this list); an ingestion into one of them also drops this
/// process's kept forecasts at once.
/// </summary>
internal static class ForecastFreshness
{
    public static readonly IReadOnlySet<string> AnnouncedTables = new HashSet<string>(["daily_metrics", "forecasts"], StringComparer.Ordinal);
}
