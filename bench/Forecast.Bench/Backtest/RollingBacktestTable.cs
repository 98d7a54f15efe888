using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Research.Backtesting;

namespace Forecast.Bench.Backtest;

/// <summary>Prints the rolling-origin backtest: accuracy per forecaster and task, paired comparisons, intervals, churn.</summary>
internal static class RollingBacktestTable
{
    private const string Naive = "seasonal-naive-7d";

    public static void Print(RollingBacktestReport report, RollingBacktestOptions options, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"rolling origins: {report.Origins.Count} × {options.TestAsOfDays} as-of days, horizon {options.Window.HorizonDays} days");
        foreach (var origin in report.Origins)
        {
            output.WriteLine($"  origin {origin.Origin + 1}: trained through {origin.TrainedThrough:yyyy-MM-dd}, tested as of {origin.FirstTestAsOf:yyyy-MM-dd} … targets to {origin.LastTarget:yyyy-MM-dd}, {origin.TestSamples} samples, {origin.TrainingSeconds:F0} s");
            output.WriteLine($"    served: {string.Join("; ", origin.Served)}; churn: {origin.ChurnSource}");
        }

        var tasks = report.Samples.Select(sample => sample.Task).Distinct().Order().ToList();
        var models = report.Samples[0].Points.Keys.OrderBy(model => model == ServedSelection.Served ? "" : model, StringComparer.Ordinal).ToList();
        output.WriteLine();
        output.WriteLine("test accuracy, mean ± sd over origins (SMAPE %, NMAE)");
        output.WriteLine($"{"forecaster",-22}{"task",-13}{"SMAPE %",18}{"NMAE",18}");
        foreach (var task in tasks)
        {
            foreach (var model in models)
            {
                var smape = PerOrigin(report, task, pairs => ForecastMetrics.Smape(pairs.Actual, pairs.Forecast(model)));
                var nmae = PerOrigin(report, task, pairs => ForecastMetrics.Nmae(pairs.Actual, pairs.Forecast(model)));
                output.WriteLine($"{model,-22}{task.Name(),-13}{Spread(smape, "F1"),18}{Spread(nmae, "F3"),18}");
            }

            output.WriteLine();
        }

        output.WriteLine($"paired comparisons over all origins (bootstrap over series, {options.BootstrapResamples} resamples, 95% CI); positive = first is better");
        foreach (var task in tasks)
        {
            Compare(output, report, options, task, ServedSelection.Served, Naive);
            Compare(output, report, options, task, ForecastCandidates.M2M, ForecastCandidates.Trees);
        }

        output.WriteLine();
        output.WriteLine("80% interval coverage of the served forecasts, mean ± sd over origins (target 0.75–0.85)");
        foreach (var task in tasks)
        {
            var coverage = PerOrigin(report, task, pairs => pairs.Coverage);
            output.WriteLine($"  {task.Name(),-13}{Spread(coverage, "F3"),18}");
        }

        output.WriteLine();
        var served = report.Churn.GroupBy(churn => churn.Origin).Select(origin => Brier(origin, churn => churn.Served)).ToList();
        var rule = report.Churn.GroupBy(churn => churn.Origin).Select(origin => Brier(origin, churn => churn.RuleSaysChurn ? 1 : 0)).ToList();
        output.WriteLine($"churn Brier, mean ± sd over origins: served {Spread(served, "F4")}, \"inactive in the last 7 days\" rule {Spread(rule, "F4")}, ratio {served.Average() / rule.Average():F3} (target ≤ 0.9)");
        output.WriteLine($"total {report.TotalSeconds:F0} s");
    }

    private static void Compare(TextWriter output, RollingBacktestReport report, RollingBacktestOptions options, ForecastTask task, string a, string b)
    {
        var pairs = report.Samples.Where(sample => sample.Task == task && sample.Points.ContainsKey(a) && sample.Points.ContainsKey(b))
            .Select(sample => (sample.Series, sample.Actual, sample.Points[a], sample.Points[b])).ToList();
        var smape = PairedBootstrap.Compare(pairs, nmae: false, options.BootstrapResamples, seed: 17);
        var nmae = PairedBootstrap.Compare(pairs, nmae: true, options.BootstrapResamples, seed: 17);
        output.WriteLine($"  {task.Name(),-13}{a} vs {b}: SMAPE {smape.Relative:+0.0%;-0.0%} [{smape.Low:+0.0%;-0.0%}, {smape.High:+0.0%;-0.0%}], " +
                         $"NMAE {nmae.Relative:+0.0%;-0.0%} [{nmae.Low:+0.0%;-0.0%}, {nmae.High:+0.0%;-0.0%}] over {smape.Series} series");
    }

    private sealed record TaskPairs(List<RollingSample> Samples)
    {
        public List<double> Actual => Samples.Select(sample => sample.Actual).ToList();

        public double Coverage => Samples.Count(sample => sample.Actual >= sample.Lower && sample.Actual <= sample.Upper) / (double)Math.Max(1, Samples.Count);

        public List<double> Forecast(string model) => Samples.Select(sample => sample.Points[model]).ToList();
    }

    private static List<double> PerOrigin(RollingBacktestReport report, ForecastTask task, Func<TaskPairs, double> metric) =>
        report.Samples.Where(sample => sample.Task == task).GroupBy(sample => sample.Origin)
            .Select(origin => metric(new TaskPairs(origin.ToList()))).ToList();

    private static double Brier(IEnumerable<RollingChurn> churn, Func<RollingChurn, double> probability)
    {
        var list = churn.ToList();
        return ForecastMetrics.Brier(list.Select(probability).ToList(), list.Select(item => item.Churned).ToList());
    }

    private static string Spread(List<double> values, string format)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / Math.Max(1, values.Count - 1));
        return $"{mean.ToString(format)} ± {sd.ToString(format)}";
    }
}
