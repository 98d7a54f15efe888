using Forecast.Jobs.Training;
using Forecast.Ml.Torch;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Training;
using Forecast.Ml.Research.Backtesting;

namespace Forecast.Bench.Backtest;

/// <summary>
/// The served forecasting method on rolling origins of the shipped real data: the pipeline the training job runs
/// (M2M, trees, baseline guard, intervals, churn), trained at each origin on the days before it, tested on the week
/// after; prints mean ± spread over origins and paired bootstrap comparisons.
/// </summary>
internal static class RollingBacktestCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        TorchRuntime.Configure(Environment.ProcessorCount);
        var panel = ShippedData.Panel(await ShippedData.ReadAsync(cancellationToken));
        var origins = args.SkipWhile(arg => arg != "--origins").Skip(1).Select(int.Parse).FirstOrDefault(4);
        Console.WriteLine($"panel: {panel.Series.Count} advertiser × scenario series, {panel.Days} days from {panel.FirstDay:yyyy-MM-dd}");
        var options = new RollingBacktestOptions(new ForecastWindow(), TrainForecastModelJob.Config, new TrainingOptions(), Origins: origins,
            Log: line => Console.WriteLine($"  {line}"));
        var report = RollingBacktester.Run(panel, options);
        RollingBacktestTable.Print(report, options, Console.Out);
        return 0;
    }
}
