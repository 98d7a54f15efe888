using System.Globalization;
using Forecast.Application.Forecasts;

namespace Forecast.Infrastructure.Forecasts;

/// <summary>
/// The tenant's as-of day (<see cref="TenantDataDays"/>) in SQL, the one place every statement takes it from: the
/// history reads, the freshness of stored forecasts, the data days. It reads <c>tenant_days</c>, rows per tenant and
/// day, which triggers on <c>daily_metrics</c> keep (migration <c>RobustAsOfDay</c>): a handful of rows whatever the
/// tenant's size. The tenant is <c>$1</c>.
/// </summary>
internal static class TenantAsOfDay
{
    public static readonly string Sql = string.Create(CultureInfo.InvariantCulture, $"""
        SELECT date FROM (
            SELECT date, series, lead(series) OVER (ORDER BY date DESC) AS series_before
            FROM (SELECT date, series FROM tenant_days WHERE tenant_id = $1 ORDER BY date DESC LIMIT {TenantDataDays.AsOfDaysLookedAt}) latest
        ) days
        WHERE series_before IS NULL OR series >= {TenantDataDays.AsOfShareOfDayBefore} * series_before
        ORDER BY date DESC LIMIT 1
        """);
}
