using Forecast.Bench;
using Forecast.Bench.Accuracy;
using Forecast.Bench.Backtest;
using Forecast.Bench.Ingestion;
using Forecast.Bench.Scale;
using Forecast.Bench.Scoring;
using Forecast.Bench.Serving;
using Forecast.Bench.Soak;
using Forecast.Bench.Training;

// Benchmarks print their figures. `backtest` needs nothing else; ./forecast.sh bench NAME starts PostgreSQL and the API.
return args.FirstOrDefault() switch
{
    "ingestion" => await IngestionBenchmark.RunAsync(BenchEnvironment.FromVariables(), CancellationToken.None),
    "scoring" => await ScoringBenchmark.RunAsync(CancellationToken.None),
    "backtest" when args.Contains("ctr") => await CtrBacktestCommand.RunAsync(CancellationToken.None),
    "backtest" when args.Contains("single") => await BacktestCommand.RunAsync(args, CancellationToken.None),
    "backtest" => await RollingBacktestCommand.RunAsync(args, CancellationToken.None),
    "forecasts" => await ForecastServingBenchmark.RunAsync(
        BenchEnvironment.FromVariables(),
        Environment.GetEnvironmentVariable("FORECAST_DEMO_KEY") ?? throw new InvalidOperationException("FORECAST_DEMO_KEY is not set; use ./forecast.sh bench forecasts."),
        CancellationToken.None),
    "bids" => await BidServingBenchmark.RunAsync(
        BenchEnvironment.FromVariables(),
        Environment.GetEnvironmentVariable("FORECAST_DEMO_KEY") ?? throw new InvalidOperationException("FORECAST_DEMO_KEY is not set; use ./forecast.sh bench bids."),
        CancellationToken.None),
    "memory" => await TrainingMemoryBenchmark.RunAsync(
        BenchEnvironment.FromVariables(),
        Environment.GetEnvironmentVariable("FORECAST_DEMO_KEY") ?? throw new InvalidOperationException("FORECAST_DEMO_KEY is not set; use ./forecast.sh bench memory."),
        int.Parse(Environment.GetEnvironmentVariable("FORECAST_API_PID") ?? throw new InvalidOperationException("FORECAST_API_PID is not set; use ./forecast.sh bench memory.")),
        args.Length > 1 ? int.Parse(args[1]) : 50,
        CancellationToken.None),
    "soak" => await SoakBenchmark.RunAsync(
        BenchEnvironment.FromVariables(),
        Environment.GetEnvironmentVariable("FORECAST_DEMO_KEY") ?? throw new InvalidOperationException("FORECAST_DEMO_KEY is not set; use ./forecast.sh bench soak."),
        int.Parse(Environment.GetEnvironmentVariable("FORECAST_API_PID") ?? throw new InvalidOperationException("FORECAST_API_PID is not set; use ./forecast.sh bench soak.")),
        TimeSpan.FromMinutes(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10),
        CancellationToken.None),
    "scale" => await ScaleBenchmark.RunAsync(
        BenchEnvironment.FromVariables(),
        int.Parse(Environment.GetEnvironmentVariable("FORECAST_API_PID") ?? throw new InvalidOperationException("FORECAST_API_PID is not set; use ./forecast.sh bench scale.")),
        args.Length > 1 ? args[1..].Select(int.Parse).ToList() : [1_000, 10_000, 100_000],
        CancellationToken.None),
    "fairness" => await TrainingFairnessBenchmark.RunAsync(BenchEnvironment.FromVariables(), CancellationToken.None),
    "live" when args.Length < 2 || LiveReplayBenchmark.Modes.Contains(args[1]) =>
        await LiveReplayBenchmark.RunAsync(BenchEnvironment.FromVariables(), args.Length > 1 ? args[1] : "new-data", CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Forecast.Bench ingestion | forecasts | bids | memory [TRAININGS] | soak [MINUTES] | scale [SERIES...] | live [new-data|drift-only|manual] | fairness | scoring | backtest [--origins N] | backtest single [--no-ablations] [--no-cold-start] | backtest ctr");
    return 2;
}
