using Forecast.Bench;
using Forecast.Bench.Backtest;
using Forecast.Bench.Ingestion;

// Benchmarks print their figures. `backtest` needs nothing else; ./forecast.sh bench ingestion starts PostgreSQL and the API.
return args.FirstOrDefault() switch
{
    "ingestion" => await IngestionBenchmark.RunAsync(BenchEnvironment.FromVariables(), CancellationToken.None),
    "backtest" => await BacktestCommand.RunAsync(args, CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Forecast.Bench ingestion | backtest [--no-ablations] [--no-cold-start]");
    return 2;
}
