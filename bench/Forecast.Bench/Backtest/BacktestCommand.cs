using Forecast.Ml.Torch;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Training;
using Forecast.Ml.Research.Backtesting;

namespace Forecast.Bench.Backtest;

/// <summary>The M2M backtest on the shipped real data: trains every model on one temporal split and prints the tables.</summary>
internal static class BacktestCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        TorchRuntime.Configure(Environment.ProcessorCount);
        var panel = ShippedData.Panel(await ShippedData.ReadAsync(cancellationToken));
        Console.WriteLine($"panel: {panel.Series.Count} advertiser × scenario series, {panel.Days} days from {panel.FirstDay:yyyy-MM-dd}");

        var options = new BacktestOptions(
            new ForecastWindow(),
            BacktestOptions.DefaultCandidates,
            new TrainingOptions(),
            Ablations: !args.Contains("--no-ablations"),
            ColdStart: !args.Contains("--no-cold-start"),
            Log: line => Console.WriteLine($"  {line}"));
        var report = Backtester.Run(panel, options);
        BacktestTable.Print(report, Console.Out);
        return 0;
    }
}
