namespace Forecast.Ml.Forecasting.Data;

/// <summary>Every (advertiser, scenario) series of a tenant on one calendar: what samples are cut from.</summary>
public sealed record SeriesPanel(DateOnly FirstDay, int Days, IReadOnlyList<string> BehaviourFeatures, IReadOnlyList<PanelSeries> Series)
{
    public int DayOf(DateOnly date) => date.DayNumber - FirstDay.DayNumber;

    public DateOnly DateOf(int day) => FirstDay.AddDays(day);

    /// <summary>The same panel without one scenario's series (cold-start evaluation trains on this).</summary>
    public SeriesPanel Without(string scenarioKey) =>
        this with { Series = Series.Where(series => series.ScenarioKey != scenarioKey).ToList() };
}
