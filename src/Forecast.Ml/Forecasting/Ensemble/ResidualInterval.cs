using System.Collections.Concurrent;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>
/// A split-conformal 80% interval of one task (in one scenario, or in every scenario without its own) around the
/// served point forecast, from its most recent residuals on the log1p scale: r = log1p y − log1p ŷ, bounds
/// expm1(log1p ŷ + q₁₀) and expm1(log1p ŷ + q₉₀) with the finite-sample conformal quantile levels. Asymmetric, since
/// point forecasts of skewed counts are median-like; clipped to the task's range (0 ≤ active days ≤ H) and always
/// containing the point.
/// </summary>
public sealed record ResidualInterval(string Task, string? Scenario, double LowerResidual, double UpperResidual, int Residuals)
{
    public (double Lower, double Upper) Around(double point, ForecastTask task, int horizonDays)
    {
        var centre = Math.Log(1 + Math.Max(0, point));
        var lower = Math.Max(0, Math.Exp(centre + LowerResidual) - 1);
        var upper = Math.Exp(centre + UpperResidual) - 1;
        if (task == ForecastTask.ActiveDays)
        {
            (lower, upper) = (Math.Min(lower, horizonDays), Math.Min(upper, horizonDays));
        }

        return (Math.Min(lower, point), Math.Max(upper, point));
    }

    public static ResidualInterval Fit(string task, string? scenario, IReadOnlyList<double> actual, IReadOnlyList<double> point)
    {
        var residuals = actual.Select((y, index) => Math.Log(1 + Math.Max(0, y)) - Math.Log(1 + Math.Max(0, point[index]))).Order().ToList();
        const double tail = (1 - PredictionInterval.Level) / 2;
        return new ResidualInterval(task, scenario, Quantile(residuals, tail, lower: true), Quantile(residuals, 1 - tail, lower: false), residuals.Count);
    }

    /// <summary>The conformal rank ⌈(n + 1)·p⌉ from the top (or bottom), so the interval covers at least the level in expectation.</summary>
    private static double Quantile(List<double> sorted, double level, bool lower)
    {
        if (sorted.Count == 0) return 0;
        var rank = lower
            ? (int)Math.Floor(level * (sorted.Count + 1)) - 1
            : (int)Math.Ceiling(level * (sorted.Count + 1)) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

/// <summary>The served intervals: per task, and per scenario where it has enough recent residuals.</summary>
public sealed record ResidualIntervals(IReadOnlyList<ResidualInterval> Intervals)
{
    private readonly ConcurrentDictionary<(ForecastTask Task, string Scenario), ResidualInterval> _resolved = new();

    public ResidualInterval For(ForecastTask task, string scenario) =>
        _resolved.GetOrAdd((task, scenario), key =>
        {
            var name = key.Task.Name();
            return Intervals.FirstOrDefault(interval => interval.Task == name && interval.Scenario == key.Scenario)
                ?? Intervals.First(interval => interval.Task == name && interval.Scenario is null);
        });

    public static ResidualIntervals Fit(SampleSet validation, SeriesPanel panel, float[] served, IReadOnlyList<ForecastTask> trainedTasks)
    {
        var intervals = new List<ResidualInterval>();
        var tasks = ForecastTasks.All.Count;
        foreach (var task in trainedTasks)
        {
            var known = validation.KnownSamples(task);
            ResidualInterval Of(string? scenario, IEnumerable<int> samples) => ResidualInterval.Fit(task.Name(), scenario,
                samples.Select(sample => (double)validation.Target(sample, task)).ToList(),
                samples.Select(sample => (double)served[(sample * tasks) + (int)task]).ToList());

            intervals.Add(Of(null, known));
            intervals.AddRange(known.GroupBy(sample => panel.Series[validation.SeriesIndex[sample]].ScenarioKey)
                .Where(group => group.Count() >= ServedSelection.MinGroupSamples)
                .Select(group => Of(group.Key, group.ToList())));
        }

        return new ResidualIntervals(intervals);
    }
}
