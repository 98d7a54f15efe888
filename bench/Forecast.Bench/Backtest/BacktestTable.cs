using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Research.Backtesting;

namespace Forecast.Bench.Backtest;

internal static class BacktestTable
{
    public static void Print(BacktestReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"test window {report.TestWindow}: {report.TestSamples} samples (train {report.TrainSamples}, validation {report.ValidationSamples})");
        foreach (var (task, reason) in report.UntrainedTasks)
        {
            output.WriteLine($"{task.Name()}: {reason}");
        }

        output.WriteLine();
        output.WriteLine("M2M hyper-parameters, chosen on validation SMAPE (mean over trained tasks):");
        foreach (var candidate in report.Tuning)
        {
            output.WriteLine($"  {(candidate.Chosen ? "*" : " ")} {candidate.ValidationSmape,7:F2}  {candidate.Config}");
        }

        output.WriteLine();
        output.WriteLine($"{"model",-26} {"task",-12} {"SMAPE %",8} {"NMAE",7} {"deviance",10}");
        foreach (var task in report.TrainedTasks)
        {
            foreach (var score in report.Scores.Where(score => score.Task == task).OrderBy(score => score.Smape))
            {
                output.WriteLine($"{score.Model,-26} {task.Name(),-12} {score.Smape,8:F2} {score.Nmae,7:F3} {score.PoissonDeviance,10:F1}");
            }

            var m2m = report.Scores.Single(score => score.Task == task && score.Model == ModelCatalog.M2M);
            var bestBaseline = report.Scores.Where(score => score.Task == task && !score.Model.StartsWith(ModelCatalog.M2M, StringComparison.Ordinal))
                .MinBy(score => score.Smape)!;
            output.WriteLine($"  → M2M vs best baseline ({bestBaseline.Model}): {100 * (bestBaseline.Smape - m2m.Smape) / bestBaseline.Smape:+0.0;-0.0}% SMAPE");
            output.WriteLine();
        }

        output.WriteLine("ablations, mean SMAPE over trained tasks:");
        foreach (var model in report.Scores.Select(score => score.Model).Where(model => model.StartsWith(ModelCatalog.M2M, StringComparison.Ordinal)).Distinct())
        {
            output.WriteLine($"  {model,-26} {report.Scores.Where(score => score.Model == model).Average(score => score.Smape),8:F2}");
        }

        output.WriteLine();
        output.WriteLine($"80% intervals (M2M, test):  {"task",-12} {"Poisson",8} {"served",8}  method");
        foreach (var interval in report.Intervals)
        {
            output.WriteLine($"                             {interval.Task.Name(),-12} {interval.PoissonCoverage,8:P1} {interval.ServedCoverage,8:P1}  {interval.Method}");
        }

        output.WriteLine();
        output.WriteLine($"churn = no active day in the horizon: {"method",-36} {"Brier test",10} {"Brier val",10}");
        foreach (var churn in report.Churn)
        {
            output.WriteLine($"                                       {churn.Method,-36} {churn.Brier,10:F4} {churn.ValidationBrier,10:F4}");
        }

        if (report.ColdStart.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("cold start (scenario removed from training, SMAPE % on its test samples):");
            foreach (var group in report.ColdStart.GroupBy(score => (score.Scenario, score.Model)))
            {
                output.WriteLine($"  {group.Key.Scenario,-6} {group.Key.Model,-20} " + string.Join("  ", group.Select(score => $"{score.Task.Name()} {score.Smape:F2}"))
                    + $"  mean {group.Average(score => score.Smape):F2}");
            }
        }

        output.WriteLine();
        output.WriteLine("training (epochs summed over the ensemble seeds):");
        foreach (var cost in report.Training)
        {
            output.WriteLine($"  {cost.Model,-26} {cost.Epochs,3} epochs (best {cost.BestEpoch,2})  {cost.Seconds,6:F1} s  {cost.SamplesPerSecond,8:N0} samples/s");
        }

        output.WriteLine();
        output.WriteLine($"inference: batch {report.Inference.BatchSamplesPerSecond:N0} samples/s; one advertiser, {report.Inference.Scenarios} scenarios, features + forward: "
            + $"median {report.Inference.SingleAdvertiserMedianMs:F2} ms, p99 {report.Inference.SingleAdvertiserP99Ms:F2} ms");
        output.WriteLine($"backtest total: {report.TotalSeconds:F0} s");
    }
}
