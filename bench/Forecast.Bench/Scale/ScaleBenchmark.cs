using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Bench.Ingestion;
using Forecast.Bench.Serving;
using Forecast.Bench.Training;
using Npgsql;

namespace Forecast.Bench.Scale;

/// <summary>
/// How the daily loop grows with a tenant: for each size (advertiser × scenario series, the shipped real series
/// replayed under new ids, <see cref="ReplayedTenantData"/>) a new tenant is ingested through the API, trained by a
/// standalone worker, batch-scored and read; then a new day is ingested and read at once. First, two tenants train at
/// the same time with one worker, then with two. The API runs without a job server; workers are started here.
/// </summary>
internal static class ScaleBenchmark
{
    public static async Task<int> RunAsync(BenchEnvironment environment, int apiProcessId, IReadOnlyList<int> sizes, CancellationToken cancellationToken)
    {
        var demo = await ShippedData.ReadAsync(cancellationToken);
        using var admin = new HttpClient { BaseAddress = environment.ApiUrl, Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", environment.AdminKey);
        await using var dataSource = NpgsqlDataSource.Create(environment.ConnectionString);
        using var worker = WorkerProcess.Start(1);

        // First, while the database is small: the largest size may not finish on a small machine. The comparison is of
        // workers, not sizes: two tenants of at most 1,000 series.
        var pairSize = Math.Min(sizes.Min(), 1_000);
        var (one, two) = await TwoWorkers.CompareAsync(environment, admin, dataSource, ReplayedTenantData.Of(demo, pairSize), cancellationToken);
        Console.WriteLine($"two tenants of {pairSize:N0} series trained at the same time: one worker {one:F0} s, two worker processes {two:F0} s (wall time ratio {two / one:F2})");

        var results = new List<ScaleRow>();
        foreach (var size in sizes)
        {
            results.Add(await MeasureAsync(
                environment, admin, dataSource, ReplayedTenantData.Of(demo, size), $"scale-{size}", (apiProcessId, worker.Id), cancellationToken));
            Print(results);
        }

        return 0;
    }

    private static async Task<ScaleRow> MeasureAsync(
        BenchEnvironment environment, HttpClient admin, NpgsqlDataSource dataSource, ReplayedTenantData data, string name,
        (int Api, int Worker) processes, CancellationToken cancellationToken)
    {
        var tenant = await BenchTenant.CreateAsync(admin, dataSource, name, data.Scenarios, data.Advertisers, cancellationToken);
        using var client = new HttpClient { BaseAddress = environment.ApiUrl, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.ApiKey);

        var ingestion = await HttpBatches.SendAsync(client, "daily-metrics", data.DailyMetrics, cancellationToken)
            + await HttpBatches.SendAsync(client, "behaviour-events", data.BehaviourEvents, cancellationToken);

        var (state, trainingSeconds) = await TrainingRun.RunAsync(client, "forecast", cancellationToken);
        if (state != "Succeeded") throw new InvalidOperationException($"The training of {name} ended {state}.");
        var training = await TrainingReportAsync(client, cancellationToken);
        var lastDay = data.DailyMetrics.Max(row => row.Date);
        var advertiser = data.DailyMetrics.Where(row => row.Date == lastDay && row.Impressions > 0).Select(row => row.AdvertiserId).First();
        var scoring = await Freshness.WaitAsync(client, advertiser, lastDay, cancellationToken);
        var (tableRows, tableBytes) = await ForecastTableAsync(dataSource, tenant.Id, cancellationToken);
        await JobQueue.DrainedAsync(dataSource, cancellationToken); // reads measured beside a re-scoring would measure both

        // The reads go round the advertisers active on the last day, as the tenant's dashboards would.
        var baseUrl = environment.ApiUrl.ToString();
        var paths = ForecastedAdvertisers.Paths(
            data.DailyMetrics.Where(row => row.Date == lastDay && row.Impressions > 0).Select(row => row.AdvertiserId).Distinct(), "/v1/advertisers/", "/forecasts");
        await Wrk.RunOverAsync(baseUrl, paths, tenant.ApiKey, connections: 4, seconds: 2, cancellationToken); // warm-up
        var fresh = await Wrk.RunOverAsync(baseUrl, paths, tenant.ApiKey, connections: 16, seconds: 5, cancellationToken);

        var nextDay = data.NextDay();
        var ingestClock = Stopwatch.StartNew();
        await HttpBatches.SendAsync(client, "daily-metrics", nextDay, cancellationToken);
        var newDayIngest = ingestClock.Elapsed.TotalSeconds;
        var lag = Freshness.WaitAsync(client, advertiser, lastDay.AddDays(1), cancellationToken);
        var afterIngest = await Wrk.RunOverAsync(baseUrl, paths, tenant.ApiKey, connections: 16, seconds: 3, cancellationToken);
        var freshnessLag = await lag;

        return new ScaleRow(data.Series.Count, data.DailyMetrics.Count + data.BehaviourEvents.Count, ingestion, trainingSeconds,
            training.Epochs, training.Seconds / Math.Max(1, training.Epochs), training.Samples, scoring, tableRows, tableBytes,
            fresh, nextDay.Count, newDayIngest, freshnessLag, afterIngest, ProcessMemory.Of(processes.Api), ProcessMemory.Of(processes.Worker));
    }

    private static async Task<(int Epochs, double Seconds, string Samples)> TrainingReportAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var models = await client.GetFromJsonAsync<JsonElement>("/v1/models?kind=forecast", cancellationToken);
        var training = models.EnumerateArray().First().GetProperty("metrics").GetProperty("training");
        var samples = training.TryGetProperty("trainingSamples", out var drawn) ? $"{drawn.GetInt32():N0}" : "?";
        return (training.GetProperty("epochs").GetInt32(), training.GetProperty("seconds").GetDouble(), samples);
    }

    private static async Task<(long Rows, long Bytes)> ForecastTableAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*), coalesce(sum(pg_column_size(f.*)), 0)::bigint FROM forecasts f WHERE tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static void Print(IReadOnlyList<ScaleRow> rows)
    {
        Console.WriteLine("scale (the shipped real series replayed under new ids; one standalone worker, TorchThreads 1):");
        Console.WriteLine("  series    rows in   ingest s  train s  epochs  s/epoch  train samples  score s  table rows  table MB  GET fresh req/s  new day rows  ingest s  fresh after s  GET right after req/s  API RSS MB  worker RSS/peak MB");
        foreach (var row in rows)
        {
            Console.WriteLine($"  {row.Series,6:N0}  {row.RowsIn,9:N0}  {row.IngestSeconds,8:F1}  {row.TrainSeconds,7:F0}  {row.Epochs,6}  {row.SecondsPerEpoch,7:F1}  {row.TrainingSamples,13}  {row.ScoreSeconds,7:F1}  "
                + $"{row.TableRows,10:N0}  {row.TableBytes / 1048576.0,8:F1}  {row.Fresh.RequestsPerSecond,15:N0}  {row.NewDayRows,12:N0}  {row.NewDayIngestSeconds,8:F2}  {row.FreshnessLag,13:F1}  "
                + $"{row.RightAfterIngest.RequestsPerSecond,21:N0}  {row.Api.RssMb,10:F0}  {row.Worker.RssMb,8:F0}/{row.Worker.PeakMb:F0}");
        }
    }

    private sealed record ScaleRow(
        int Series, int RowsIn, double IngestSeconds, double TrainSeconds, int Epochs, double SecondsPerEpoch, string TrainingSamples,
        double ScoreSeconds, long TableRows, long TableBytes, Wrk.Result Fresh, int NewDayRows, double NewDayIngestSeconds,
        double FreshnessLag, Wrk.Result RightAfterIngest, (double RssMb, double PeakMb) Api, (double RssMb, double PeakMb) Worker);
}
