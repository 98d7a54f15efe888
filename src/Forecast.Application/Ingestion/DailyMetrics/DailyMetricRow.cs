using System.Text.Json.Serialization;

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
