using System.Diagnostics;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;

namespace Forecast.Ml.Research.Backtesting;

/// <summary>What the rolling-origin backtest runs: origins of <paramref name="TestAsOfDays"/> as-of days each, ending at the panel's last target.</summary>
public sealed record RollingBacktestOptions(
    ForecastWindow Window,
    M2MConfig Config,
    TrainingOptions Training,
    int Origins = 4,
    int TestAsOfDays = 7,
    int BootstrapResamples = 2000,
    Action<string>? Log = null);

/// <summary>One test sample's outcome: the series, the actual and every forecaster's point forecast of each task.</summary>
public sealed record RollingSample(int Origin, string Series, ForecastTask Task, double Actual, IReadOnlyDictionary<string, double> Points, double Lower, double Upper);

/// <summary>One origin's churn outcomes: served probability, the hard "inactive in the last 7 days" rule, and what happened.</summary>
public sealed record RollingChurn(int Origin, double Served, bool RuleSaysChurn, bool Churned);

/// <summary>What each origin trained on and tested, and which forecaster served each task there.</summary>
public sealed record RollingOrigin(int Origin, DateOnly TrainedThrough, DateOnly FirstTestAsOf, DateOnly LastTarget, int TestSamples,
    IReadOnlyList<string> Served, string ChurnSource, double TrainingSeconds);

public sealed record RollingBacktestReport(IReadOnlyList<RollingOrigin> Origins, IReadOnlyList<RollingSample> Samples, IReadOnlyList<RollingChurn> Churn, double TotalSeconds);

/// <summary>
/// The served model's method on rolling origins of real data: at each origin the full serving pipeline (M2M, trees,
/// baseline guard, intervals, churn source) trains on the days up to the origin only — series that had not started by
/// then do not exist for it — and forecasts the next <see cref="RollingBacktestOptions.TestAsOfDays"/> as-of days, as a
/// champion kept for a week would. Nothing is chosen on the test days.
/// </summary>
public static class RollingBacktester
{
    public static RollingBacktestReport Run(SeriesPanel panel, RollingBacktestOptions options)
    {
        var clock = Stopwatch.StartNew();
        var (origins, samples, churn) = (new List<RollingOrigin>(), new List<RollingSample>(), new List<RollingChurn>());
        var horizon = options.Window.HorizonDays;
        var tasks = ForecastTasks.All.Count;
        for (var origin = 0; origin < options.Origins; origin++)
        {
            var lastAsOf = panel.Days - 1 - horizon - (options.TestAsOfDays * (options.Origins - 1 - origin));
            var firstAsOf = lastAsOf - options.TestAsOfDays + 1;
            var training = TrainingPanel(panel, firstAsOf);
            var started = clock.Elapsed.TotalSeconds;
            var (model, _, _, _) = ForecastModelTrainer.Train(training, options.Window, options.Config, options.Training);
            using (model)
            {
                var prediction = model.Predict(panel, Enumerable.Range(firstAsOf, options.TestAsOfDays).ToList());
                var test = prediction.Samples;
                foreach (var task in model.Manifest.Schema.TrainedTasks)
                {
                    foreach (var sample in test.KnownSamples(task))
                    {
                        var index = (sample * tasks) + (int)task;
                        var points = prediction.CandidatePoints.ToDictionary(pair => pair.Key, pair => (double)pair.Value[index]);
                        points[ServedSelection.Served] = prediction.Points[index];
                        var series = panel.Series[test.SeriesIndex[sample]];
                        samples.Add(new RollingSample(origin, $"{series.AdvertiserId}/{series.ScenarioKey}", task, test.Target(sample, task), points,
                            prediction.Lower[index], prediction.Upper[index]));
                    }
                }

                foreach (var sample in test.KnownSamples(ForecastTask.ActiveDays))
                {
                    var series = panel.Series[test.SeriesIndex[sample]];
                    churn.Add(new RollingChurn(origin, prediction.Churn[sample], !ChurnChoice.RecentlyActive(series, test.AsOfDay[sample]),
                        test.Target(sample, ForecastTask.ActiveDays) == 0));
                }

                var manifest = model.Manifest;
                origins.Add(new RollingOrigin(origin, manifest.TrainedThrough, panel.DateOf(firstAsOf), panel.DateOf(lastAsOf + horizon), test.Count,
                    manifest.Selection.Blends.Select(blend => $"{blend.Group}: {blend.Describe()}").ToList(),
                    manifest.Churn.Source, clock.Elapsed.TotalSeconds - started));
                options.Log?.Invoke($"origin {origin + 1}: trained through {manifest.TrainedThrough:yyyy-MM-dd}, {test.Count} test samples, {clock.Elapsed.TotalSeconds - started:F0} s");
            }
        }

        return new RollingBacktestReport(origins, samples, churn, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The panel as it stood on the origin's day: no later days, no series that had not delivered yet.</summary>
    public static SeriesPanel TrainingPanel(SeriesPanel panel, int lastDay) => panel with
    {
        Days = lastDay + 1,
        Series = panel.Series.Where(series => Enumerable.Range(0, lastDay + 1).Any(series.IsActive)).ToList(),
    };
}
