namespace Forecast.Infrastructure.Persistence.Schema;

/// <summary>
/// Delivery counts of an advertiser's ads in one scenario, time bucket and context (ad, placement, device... as free
/// key/value fields): binomial data for CTR models, impressions being the trials. An impression-level log is the
/// special case of one impression per row.
/// </summary>
public sealed class AdStat
{
    public Guid TenantId { get; init; }

    public long AdvertiserId { get; init; }

    public int ScenarioId { get; init; }

    public DateTimeOffset BucketStart { get; init; }

    public int BucketMinutes { get; init; }

    /// <summary>Context fields as a JSON object (jsonb: key order does not matter for identity).</summary>
    public required string Context { get; init; }

    public long Impressions { get; init; }

    public long Clicks { get; init; }

    public long? Conversions { get; init; }

    public decimal? Cost { get; init; }
}
