using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Evaluation;

/// <summary>
/// The statistical baselines, read from the panel up to the as-of day: last-day naive (the last day's value for each
/// horizon day), seasonal naive (the same weekday one week earlier: for a 7-day horizon, "same as the last 7 days") and
/// a 28-day moving average.
/// </summary>
public enum NaiveForecaster
{
    LastDay,
    SeasonalWeekly,
    MovingAverage28,
}

public static class NaiveForecasts
{
    public static string Name(this NaiveForecaster forecaster) => forecaster switch
    {
        NaiveForecaster.LastDay => "naive (last day)",
        NaiveForecaster.SeasonalWeekly => "seasonal naive (7 d)",
        NaiveForecaster.MovingAverage28 => "moving average (28 d)",
        _ => throw new ArgumentOutOfRangeException(nameof(forecaster)),
    };

    /// <summary>The name a served forecast gives when a baseline produced it.</summary>
    public static string Key(this NaiveForecaster forecaster) => forecaster switch
    {
        NaiveForecaster.LastDay => "naive-last-day",
        NaiveForecaster.SeasonalWeekly => "seasonal-naive-7d",
        NaiveForecaster.MovingAverage28 => "moving-average-28d",
        _ => throw new ArgumentOutOfRangeException(nameof(forecaster)),
    };

    /// <summary>Every baseline's forecast of every task for each sample [N, tasks].</summary>
    public static IReadOnlyDictionary<string, float[]> ForSamples(SampleSet samples, SeriesPanel panel, int horizon)
    {
        var tasks = ForecastTasks.All;
        return Enum.GetValues<NaiveForecaster>().ToDictionary(Key, forecaster =>
        {
            var values = new float[samples.Count * tasks.Count];
            for (var sample = 0; sample < samples.Count; sample++)
            {
                var series = panel.Series[samples.SeriesIndex[sample]];
                foreach (var task in tasks)
                {
                    values[(sample * tasks.Count) + (int)task] = (float)forecaster.Forecast(series, samples.AsOfDay[sample], task, horizon);
                }
            }

            return values;
        });
    }

    public static double Forecast(this NaiveForecaster forecaster, PanelSeries series, int asOf, ForecastTask task, int horizon)
    {
        // Plain loops: a scoring run calls this for every series, task and baseline (14,000 series: 168,000 calls).
        double total = 0;
        switch (forecaster)
        {
            case NaiveForecaster.LastDay:
                return horizon * Value(series, task, asOf);
            case NaiveForecaster.SeasonalWeekly:
                for (var step = 1; step <= horizon; step++)
                {
                    total += Value(series, task, asOf + step - (7 * ((step + 6) / 7)));
                }

                return total;
            case NaiveForecaster.MovingAverage28:
                for (var back = 0; back < 28; back++)
                {
                    total += Value(series, task, asOf - back);
                }

                return horizon * (total / 28);
            default:
                throw new ArgumentOutOfRangeException(nameof(forecaster));
        }
    }

    private static double Value(PanelSeries series, ForecastTask task, int day) => day < 0 ? 0 : task switch
    {
        ForecastTask.Spend => Known(series.Spend[day]),
        ForecastTask.Impressions => Known(series.Impressions[day]),
        ForecastTask.Clicks => Known(series.Clicks[day]),
        ForecastTask.ActiveDays => series.IsActive(day) ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    /// <summary>A day's value, a channel not tracked that day (NaN) counting as nothing delivered.</summary>
    private static double Known(float value) => float.IsNaN(value) ? 0 : value;
}
