using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Inference;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>The forecasters the baseline guard chooses among, by the name a served forecast gives.</summary>
public static class ForecastCandidates
{
    public const string M2M = "m2m";
    public const string Trees = "lightgbm";

    /// <summary>
    /// Each candidate's point forecasts and expected values [N, tasks], within each task's range (no negative counts,
    /// no more active days than the horizon has); a baseline's forecast is both.
    /// </summary>
    public static (Dictionary<string, float[]> Points, Dictionary<string, float[]> Rates) Of(
        SampleSet samples, SeriesPanel panel, ForecastWindow window, Predictions m2m, PointForecastRule m2mRule, Predictions trees, PointForecastRule treeRule)
    {
        var points = new Dictionary<string, float[]>(StringComparer.Ordinal) { [M2M] = m2mRule.Apply(m2m), [Trees] = treeRule.Apply(trees) };
        var rates = new Dictionary<string, float[]>(StringComparer.Ordinal) { [M2M] = (float[])m2m.Rates.Clone(), [Trees] = (float[])trees.Rates.Clone() };
        foreach (var (source, values) in NaiveForecasts.ForSamples(samples, panel, window.HorizonDays))
        {
            points[source] = values;
            rates[source] = values;
        }

        foreach (var values in points.Values.Concat(rates.Values).Distinct())
        {
            ClipToRange(values, window.HorizonDays);
        }

        return (points, rates);
    }

    private static void ClipToRange(float[] values, int horizonDays)
    {
        var tasks = ForecastTasks.All.Count;
        for (var index = 0; index < values.Length; index++)
        {
            var upper = (ForecastTask)(index % tasks) == ForecastTask.ActiveDays ? horizonDays : float.MaxValue;
            values[index] = Math.Clamp(values[index], 0, upper);
        }
    }
}
