using Microsoft.Extensions.Options;
namespace Forecast.Application.Ingestion.AdStats;

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
