using Forecast.Application.Forecasts;
using Microsoft.Extensions.Options;

namespace Forecast.Application.Ingestion.DailyMetrics;

/// <summary>A batch of daily metrics for one tenant.</summary>
public sealed record IngestDailyMetrics(Guid TenantId, IReadOnlyList<DailyMetricRow> Rows) : IIngestionBatch<DailyMetricRow>;

public sealed class IngestDailyMetricsValidator(TimeProvider clock, IOptions<IngestionBounds> bounds) : BatchValidator<IngestDailyMetrics, DailyMetricRow>(clock, bounds)
{
    protected override void ValidateRow(DailyMetricRow row, int index, RowErrors errors)
    {
        errors.RequireId(index, "advertiserId", row.AdvertiserId);
        errors.RequireId(index, "scenario", row.Scenario);
        errors.RequireDate(index, "date", row.Date);
        errors.RequireMagnitude(index, "impressions", row.Impressions, errors.Bounds.MaxImpressions);
        errors.RequireMagnitude(index, "clicks", row.Clicks, errors.Bounds.MaxClicks);
        errors.RequireMagnitude(index, "spend", row.Spend, errors.Bounds.MaxAmount);
        errors.RequireMagnitude(index, "conversions", row.Conversions, errors.Bounds.MaxConversions);
        if (row is { Impressions: null, Clicks: null, Spend: null, Conversions: null })
        {
            errors.Add(index, "impressions", "A row must track at least one channel: impressions, clicks, spend or conversions.");
        }

        if (row.Impressions >= 0 && row.Clicks > row.Impressions)
        {
            errors.Add(index, "clicks", "'clicks' must not exceed 'impressions'.");
        }
    }
}

public sealed class IngestDailyMetricsHandler(IBatchIngestor ingestor, IForecastRefresher forecasts)
    : BatchIngestionHandler<IngestDailyMetrics, DailyMetricRow>(ingestor)
{
    /// <summary>New or changed days make the stored forecasts stale: they are rescored (a replay changes nothing, so it rescores nothing).</summary>
    protected override void Ingested(Guid tenantId, IngestionResult result)
    {
        if (result.Inserted + result.Updated > 0) forecasts.Refresh(tenantId);
    }
}
