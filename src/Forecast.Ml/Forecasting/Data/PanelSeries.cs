namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// One advertiser in one scenario, day by day over the panel's dates. Spend and conversions hold NaN on days (or
/// for whole tenants) where they are not sent; impressions and clicks hold 0 on days without delivery.
/// Behaviour holds, per day, <see cref="SeriesPanel.BehaviourFeatures"/> values (count, sum and max value per event type).
/// </summary>
public sealed record PanelSeries(
    string AdvertiserId,
    string ScenarioKey,
    IReadOnlyDictionary<string, string> ScenarioAttributes,
    IReadOnlyDictionary<string, string> AdvertiserProfile,
    float[] Spend,
    float[] Impressions,
    float[] Clicks,
    float[] Conversions,
    float[][] Behaviour)
{
    /// <summary>A day with any delivery (impressions or spend).</summary>
    public bool IsActive(int day) => Impressions[day] > 0 || Spend[day] > 0;
}
