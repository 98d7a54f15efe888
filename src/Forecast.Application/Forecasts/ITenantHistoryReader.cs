namespace Forecast.Application.Forecasts;

/// <summary>
/// Reads a tenant's history: for training all of it, for forecasts the metrics of the last <c>recentDays</c> days up to
/// the tenant's as-of day and the behaviour events of the last <c>behaviourDays</c> (null: as many), of some
/// advertisers (null: all).
/// </summary>
public interface ITenantHistoryReader
{
    Task<TenantHistory> ReadAsync(
        Guid tenantId, IReadOnlyCollection<string>? advertiserIds, int? recentDays, int? behaviourDays, CancellationToken cancellationToken);

    /// <summary>The days of the tenant's daily metrics and its as-of day; null when it has none.</summary>
    Task<TenantDataDays?> ReadDataDaysAsync(Guid tenantId, CancellationToken cancellationToken);
}
