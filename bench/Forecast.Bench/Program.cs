using Forecast.Bench;
using Forecast.Bench.Ingestion;

// Benchmarks print their figures; ./forecast.sh bench NAME starts what they need (PostgreSQL, the API).
return args.FirstOrDefault() switch
{
    "ingestion" => await IngestionBenchmark.RunAsync(BenchEnvironment.FromVariables(), CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Forecast.Bench ingestion");
    return 2;
}
