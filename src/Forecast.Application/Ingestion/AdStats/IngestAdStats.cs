using Microsoft.Extensions.Options;
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

/// <summary>A batch of ad statistics for one tenant.</summary>
public sealed record IngestAdStats(Guid TenantId, IReadOnlyList<AdStatRow> Rows) : IIngestionBatch<AdStatRow>;

public sealed class IngestAdStatsValidator(TimeProvider clock, IOptions<IngestionBounds> bounds) : BatchValidator<IngestAdStats, AdStatRow>(clock, bounds)
{
    private const int MaxBucketMinutes = 7 * 24 * 60;

    protected override void ValidateRow(AdStatRow row, int index, RowErrors errors)
    {
        errors.RequireId(index, "advertiserId", row.AdvertiserId);
        errors.RequireId(index, "scenario", row.Scenario);
        if (row.BucketMinutes is < 0 or > MaxBucketMinutes)
        {
            errors.Add(index, "bucketMinutes", $"'bucketMinutes' must be between 0 (one event) and {MaxBucketMinutes}.");
        }

        errors.RequireTime(index, "bucketStart", row.BucketStart);
        errors.RequireMagnitude(index, "impressions", row.Impressions, errors.Bounds.MaxImpressions);
        errors.RequireMagnitude(index, "clicks", row.Clicks, errors.Bounds.MaxClicks);
        errors.RequireMagnitude(index, "conversions", row.Conversions, errors.Bounds.MaxConversions);
        errors.RequireMagnitude(index, "cost", row.Cost, errors.Bounds.MaxAmount);
        if (row.Impressions >= 0 && row.Clicks > row.Impressions)
        {
            errors.Add(index, "clicks", "'clicks' must not exceed 'impressions'.");
        }

        if (row.Context is { } context && !Common.AttributeMapRules.IsValid(context))
        {
            errors.Add(index, "context", Common.AttributeMapRules.Message);
        }
    }
}

public sealed class IngestAdStatsHandler(IBatchIngestor ingestor) : BatchIngestionHandler<IngestAdStats, AdStatRow>(ingestor);
