namespace Forecast.Application.Ingestion.AdStats;

/// <summary>
/// An advertiser's delivery before a moment: when it first delivered, its latest ad stats rows (oldest first) and its
/// windowed sums per scenario and context.
/// </summary>
public sealed record AdvertiserDelivery(DateTimeOffset FirstSeen, IReadOnlyList<AdStatRow> Recent, IReadOnlyList<WindowedAdStats> Windows);

/// <summary>An advertiser's impressions and clicks in one scenario and context, summed over each requested window before a moment.</summary>
public sealed record WindowedAdStats(string Scenario, IReadOnlyDictionary<string, string> Context, long[] Impressions, long[] Clicks);

/// <summary>Reads a tenant's ad stats back: all of them to train CTR models, a few advertisers' latest to price bids.</summary>
public interface IAdStatsReader
{
    /// <summary>Every row with impressions (rows without teach a CTR model nothing).</summary>
    Task<IReadOnlyList<AdStatRow>> ReadAllAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Per advertiser that has delivered: its <paramref name="rows"/> latest rows with impressions in buckets before
    /// <paramref name="before"/>, and its impressions and clicks per scenario and context in each of the windows of
    /// <paramref name="windowDays"/> days before it.
    /// </summary>
    Task<IReadOnlyDictionary<string, AdvertiserDelivery>> ReadRecentAsync(
        Guid tenantId, IReadOnlyCollection<string> advertiserIds, DateTimeOffset before, int rows, IReadOnlyList<int> windowDays,
        CancellationToken cancellationToken);
}
