using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Serving;

/// <summary>
/// GET /v1/advertisers/{id}/forecasts against the bare endpoints of the same process (bench/Forecast.Bench.Api: one
/// stored row read with Npgsql, or its text answered from memory), all with wrk on loopback going round every advertiser
/// the demo tenant forecasts (as its dashboards would, not one advertiser over and over): full load (16 connections) and
/// a light load (2 connections) for the latency percentiles. The ratio compares like with like: the forecast endpoint
/// answers from memory (decision 018) unless Forecast__Serving__CachedForecastAdvertisers=0 sends it to the table, and
/// is divided by the bare endpoint of the same path. Then
/// the daily operation (<see cref="DailyOperation"/>) on two days: a new day ingested, the freshness lag and the reads
/// around it; last the online path alone (<see cref="OnlinePath"/>).
/// Expects ./forecast.sh bench to have started the API with the demo tenant; waits for its champion and batch scores.
/// </summary>
internal static class ForecastServingBenchmark
{
    public static async Task<int> RunAsync(BenchEnvironment environment, string demoKey, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = environment.ApiUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", demoKey);
        await DemoChampions.WaitAsync(client, cancellationToken);
        var summary = await client.GetFromJsonAsync<JsonElement>("/v1/forecasts/summary", cancellationToken);
        var advertiser = summary.GetProperty("mostLikelyToChurn").EnumerateArray().Last().GetProperty("advertiserId").GetString()!;
        var forecastUrl = $"{environment.ApiUrl}v1/advertisers/{advertiser}/forecasts";
        var bareUrl = $"{environment.ApiUrl}benchmark/bare-row/{advertiser}";
        var forecasted = await ForecastedAdvertisers.ReadAsync(client, cancellationToken);
        var forecastPaths = ForecastedAdvertisers.Paths(forecasted, "/v1/advertisers/", "/forecasts");
        var barePaths = ForecastedAdvertisers.Paths(forecasted, "/benchmark/bare-row/");
        var bareMemoryPaths = ForecastedAdvertisers.Paths(forecasted, "/benchmark/bare-memory/");
        var fromMemory = Environment.GetEnvironmentVariable("Forecast__Serving__CachedForecastAdvertisers") != "0";
        var baseUrl = environment.ApiUrl.ToString();

        // Both warmed at full load before either is measured: the first endpoint measured at 16 connections otherwise
        // pays for the thread pool growing to the load (bare p99s of 230–460 ms while the forecast endpoint's were 15–30).
        foreach (var paths in new[] { barePaths, bareMemoryPaths, forecastPaths })
        {
            await Wrk.RunOverAsync(baseUrl, paths, demoKey, connections: 16, seconds: 3, cancellationToken);
        }

        var results = new List<(string Name, Wrk.Result Result)>();
        foreach (var (name, paths) in new[] { ("bare Npgsql row", barePaths), ("bare row from memory", bareMemoryPaths), ("forecast endpoint", forecastPaths) })
        {
            results.Add(($"{name}, 16 connections", await Wrk.RunOverAsync(baseUrl, paths, demoKey, connections: 16, seconds: 10, cancellationToken)));
            results.Add(($"{name}, 2 connections", await Wrk.RunOverAsync(baseUrl, paths, demoKey, connections: 2, seconds: 10, cancellationToken)));
        }

        Console.WriteLine($"forecast serving benchmark ({forecastPaths.Count} forecast advertisers read in turn, wrk on loopback, 2 threads):");
        foreach (var (name, result) in results)
        {
            Console.WriteLine($"  {name,-34} {result.RequestsPerSecond,10:N0} req/s   p50 {result.P50Ms,6:F2} ms   p99 {result.P99Ms,6:F2} ms");
        }

        var bareRow = results[0].Result.RequestsPerSecond;
        var bare = fromMemory ? results[2].Result.RequestsPerSecond : bareRow;
        var path = fromMemory ? "in-memory path / bare row from memory" : "table path / bare Npgsql row";
        Console.WriteLine($"  ratio at full load, {path,-38} {results[4].Result.RequestsPerSecond / bare,6:F2}  (target >= 0.8)");
        Console.WriteLine($"  ratio at full load, forecast endpoint / bare Npgsql row          {results[4].Result.RequestsPerSecond / bareRow,6:F2}");
        Console.WriteLine($"  forecast p99 at light load          {results[5].Result.P99Ms,6:F2} ms (target <= 5 ms)");

        // The process's first ingestion also pays for compiling the ingestion, re-scoring and online paths, which a
        // tenant's morning finds compiled in a service that has run a day: both days are printed.
        foreach (var day in new[] { "first day after the API started", "the next day" })
        {
            var daily = await DailyOperation.RunAsync(client, baseUrl, forecastPaths, advertiser, demoKey, cancellationToken);
            Console.WriteLine($"daily operation, {day}: one new day for every advertiser × scenario ({daily.RowsIngested} rows) ingested, then read at once:");
            Console.WriteLine($"  freshness lag (ingest answered → batch-scored as of the new day)  {daily.FreshnessLag.TotalSeconds,6:F2} s (target <= 10 s)");
            foreach (var (name, result) in new[] { ("first 3 s after the ingest, 16 conn.", daily.RightAfterIngest), ("once fresh, 16 connections", daily.AfterFresh) })
            {
                Console.WriteLine($"  {name,-34} {result.RequestsPerSecond,10:N0} req/s   p50 {result.P50Ms,6:F2} ms   p99 {result.P99Ms,6:F2} ms   ratio to like bare {result.RequestsPerSecond / bare,5:F2} (target >= 0.8)");
            }
        }

        var online = await OnlinePath.RunAsync(client, environment, advertiser, forecastUrl, bareUrl, demoKey, cancellationToken);
        Console.WriteLine("online path (the advertiser's batch-scored rows deleted: every read computes its forecast), 1 connection:");
        foreach (var (name, result) in new[] { ("computed now, its first 10 s", online.FirstUse), ("computed now, the next 10 s", online.Online), ("bare Npgsql row", online.Bare) })
        {
            Console.WriteLine($"  {name,-34} {result.RequestsPerSecond,10:N0} req/s   p50 {result.P50Ms,6:F2} ms   p99 {result.P99Ms,6:F2} ms");
        }

        Console.WriteLine($"  {"computed now, 16 connections",-34} {online.FullLoad.RequestsPerSecond,10:N0} req/s   p50 {online.FullLoad.P50Ms,6:F2} ms   p99 {online.FullLoad.P99Ms,6:F2} ms   "
            + $"(the reads between an ingestion and its re-scoring; ratio to the bare Npgsql row at 16 connections {online.FullLoad.RequestsPerSecond / bareRow:F2})");
        Console.WriteLine($"  computing the forecast, p50 beyond the bare row  {online.Online.P50Ms - online.Bare.P50Ms,6:F2} ms (target <= 1.5 ms per advertiser; "
            + $"{online.FirstUse.P50Ms - online.Bare.P50Ms:F2} ms in its first 10 s)");
        return 0;
    }
}
