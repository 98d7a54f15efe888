namespace Forecast.Application.Advertisers;

/// <summary>The fact tables whose rows an advertiser can have deleted by date range.</summary>
public enum AdvertiserRows
{
    DailyMetrics,
    BehaviourEvents,
    AdStats,
}

/// <summary>What an erasure removed, table by table.</summary>
public sealed record ErasedAdvertiser(
    string AdvertiserId, long DailyMetrics, long BehaviourEvents, long AdStats, long AuctionOutcomes, long Forecasts, long ForecastSnapshots);

/// <summary>
/// Deletes an advertiser's rows, each call one transaction with its audit event: all of it or nothing. Erasure is a
/// data subject's right: the advertiser and every row that names it go; the tenant's accuracy sums, which name no
/// advertiser, stay.
/// </summary>
public interface IAdvertiserDataEraser
{
    /// <returns>Rows deleted; null when the tenant has no such advertiser (or scenario).</returns>
    Task<long?> DeleteRowsAsync(
        Guid tenantId, string advertiserId, AdvertiserRows rows, DateOnly from, DateOnly to, string? scenario, string actor, CancellationToken cancellationToken);

    /// <returns>What went; null when the tenant has no such advertiser (erased already, or never there).</returns>
    Task<ErasedAdvertiser?> EraseAsync(Guid tenantId, string advertiserId, string actor, CancellationToken cancellationToken);
}
