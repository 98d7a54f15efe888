namespace Forecast.Application.Ingestion.AdStats;

/// <summary>
/// Delivery counts of an advertiser's ads in one scenario, time bucket and context; the key is
/// (advertiserId, scenario, bucketStart, context). An impression-level log sends one impression per row.
/// </summary>
/// <param name="AdvertiserId">The tenant's advertiser id. <example>934</example></param>
/// <param name="Scenario">Scenario key. <example>app</example></param>
/// <param name="BucketStart">Start of the time bucket (ISO 8601 with offset). <example>2019-01-15T16:00:00Z</example></param>
/// <param name="BucketMinutes">Length of the bucket in minutes. <example>240</example></param>
/// <param name="Impressions">Ads displayed (the trials of the CTR model). <example>510</example></param>
/// <param name="Clicks">Clicks (the successes). <example>5</example></param>
/// <param name="Context">Free context fields: ad, creative, device, placement... In CSV, every extra column. <example>{"creative":"banner-320x50"}</example></param>
/// <param name="Conversions">Conversions, when tracked. <example>1</example></param>
/// <param name="Cost">Amount paid for these impressions, when tracked. <example>1.85</example></param>
public sealed record AdStatRow(
    string AdvertiserId,
    string Scenario,
    DateTimeOffset BucketStart,
    int BucketMinutes,
    long Impressions,
    long Clicks,
    IReadOnlyDictionary<string, string>? Context = null,
    long? Conversions = null,
    decimal? Cost = null);
