namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// One advertiser in one scenario, day by day over the panel's dates. A channel the series tracks holds 0 on days
/// without delivery (no row) and NaN on a day whose row left it out; a channel it never sent is NaN throughout.
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
    /// <summary>A day with any delivery: any tracked channel above zero (NaN, not tracked, never is).</summary>
    public bool IsActive(int day) => Impressions[day] > 0 || Clicks[day] > 0 || Spend[day] > 0 || Conversions[day] > 0;

    /// <summary>
    /// Whether the series sent the task's channel on any day up to <paramref name="day"/>: a task is forecast only for
    /// series that track it (in a tenant whose billing feed and ad server cover different advertisers, each gets its own).
    /// </summary>
    public bool Tracks(ForecastTask task, int day) => task switch
    {
        ForecastTask.Spend => AnyKnown(Spend, day),
        ForecastTask.Impressions => AnyKnown(Impressions, day),
        ForecastTask.Clicks => AnyKnown(Clicks, day),
        _ => true,
    };

    private static bool AnyKnown(float[] channel, int day)
    {
        for (var index = Math.Min(day, channel.Length - 1); index >= 0; index--)
        {
            if (!float.IsNaN(channel[index])) return true;
        }

        return false;
    }
}
