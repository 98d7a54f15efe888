namespace Forecast.Application.Ingestion.AdStats;

/// <summary>An advertiser's delivery before a moment: when it first delivered and its latest ad stats rows, oldest first.</summary>
public sealed record AdvertiserDelivery(DateTimeOffset FirstSeen, IReadOnlyList<AdStatRow> Recent);

/// <summary>Reads a tenant's ad stats back: all of them to train CTR models, a few advertisers' latest to price bids.</summary>
public interface IAdStatsReader
{
    /// <summary>Every row with impressions (rows without teach a CTR model nothing).</summary>
    Task<IReadOnlyList<AdStatRow>> ReadAllAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Per advertiser that has delivered: its <paramref name="rows"/> latest rows with impressions in buckets before <paramref name="before"/>.</summary>
    Task<IReadOnlyDictionary<string, AdvertiserDelivery>> ReadRecentAsync(
        Guid tenantId, IReadOnlyCollection<string> advertiserIds, DateTimeOffset before, int rows, CancellationToken cancellationToken);
}
