using System.Text.Json.Serialization;
using Forecast.Application.Forecasts;
using Microsoft.Extensions.Options;

namespace Forecast.Application.Ingestion.DailyMetrics;

/// <summary>One advertiser's delivery in one scenario on one day; the key is (advertiserId, scenario, date).</summary>
/// <param name="AdvertiserId">The tenant's advertiser id. <example>934</example></param>
/// <param name="Scenario">Scenario key. <example>app</example></param>
/// <param name="Date">Day of delivery (UTC). <example>2019-01-15</example></param>
/// <param name="Impressions">Ads displayed; leave out when not tracked (not 0). <example>15230</example></param>
/// <param name="Clicks">Clicks; leave out when not tracked. <example>212</example></param>
/// <param name="Spend">Amount spent, in the tenant's currency; leave out when not tracked. <example>48.30</example></param>
/// <param name="Conversions">Conversions; leave out when not tracked. <example>7</example></param>
public sealed record DailyMetricRow(
    string AdvertiserId,
    string Scenario,
    DateOnly Date,
    long? Impressions = null,
    long? Clicks = null,
    decimal? Spend = null,
    long? Conversions = null)
{
    /// <summary>
    /// Delivered that day: any channel it tracks above zero. A spend-only or exposure-only feed has active days (and
    /// churn) as much as one that sends everything.
    /// </summary>
    [JsonIgnore]
    public bool IsActive => Impressions > 0 || Clicks > 0 || Spend > 0 || Conversions > 0;
}

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
