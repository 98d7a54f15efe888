using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Forecast.Bench.Serving;

/// <summary>
/// GET /v1/advertisers/{id}/forecasts against a bare endpoint of the same process that reads one row with Npgsql, both
/// with wrk on loopback: full load (16 connections) and a light load (2 connections) for the latency percentiles.
/// Expects ./forecast.sh bench to have started the API with the demo tenant; waits for its champion and batch scores.
/// </summary>
internal static partial class ForecastServingBenchmark
{
    public static async Task<int> RunAsync(BenchEnvironment environment, string demoKey, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = environment.ApiUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", demoKey);
        var clock = Stopwatch.StartNew();
        while (!(await client.GetAsync("/v1/forecasts/summary", cancellationToken)).IsSuccessStatusCode)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(8)) throw new TimeoutException("The demo champion was not trained and scored within 8 minutes.");
            await Task.Delay(2000, cancellationToken);
        }

        Console.WriteLine($"demo champion trained and scored after {clock.Elapsed.TotalSeconds:F0} s");
        var summary = await client.GetFromJsonAsync<JsonElement>("/v1/forecasts/summary", cancellationToken);
        var advertiser = summary.GetProperty("mostLikelyToChurn").EnumerateArray().Last().GetProperty("advertiserId").GetString()!;
        var forecastUrl = $"{environment.ApiUrl}v1/advertisers/{advertiser}/forecasts";
        var bareUrl = $"{environment.ApiUrl}benchmark/bare-row/{advertiser}";

        var results = new List<(string Name, WrkResult Result)>();
        foreach (var (name, url) in new[] { ("bare Npgsql row", bareUrl), ("forecast endpoint", forecastUrl) })
        {
            await WrkAsync(url, demoKey, connections: 4, seconds: 3, cancellationToken); // warm-up
            results.Add(($"{name}, 16 connections", await WrkAsync(url, demoKey, connections: 16, seconds: 10, cancellationToken)));
            results.Add(($"{name}, 2 connections", await WrkAsync(url, demoKey, connections: 2, seconds: 10, cancellationToken)));
        }

        Console.WriteLine($"forecast serving benchmark (advertiser {advertiser}, wrk on loopback, 2 threads):");
        foreach (var (name, result) in results)
        {
            Console.WriteLine($"  {name,-34} {result.RequestsPerSecond,10:N0} req/s   p50 {result.P50Ms,6:F2} ms   p99 {result.P99Ms,6:F2} ms");
        }

        Console.WriteLine($"  ratio forecast / bare at full load  {results[2].Result.RequestsPerSecond / results[0].Result.RequestsPerSecond,6:F2}  (target >= 0.8)");
        Console.WriteLine($"  forecast p99 at light load          {results[3].Result.P99Ms,6:F2} ms (target <= 5 ms)");
        return 0;
    }

    private static async Task<WrkResult> WrkAsync(string url, string key, int connections, int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", $"X-Api-Key: {key}", url])
        {
            RedirectStandardOutput = true,
        };
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        await wrk.WaitForExitAsync(cancellationToken);
        if (output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk saw errors:\n{output}");
        }

        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(Percentile().Matches(output).Single(match => match.Groups[1].Value == "50")),
            Milliseconds(Percentile().Matches(output).Single(match => match.Groups[1].Value == "99")));
    }

    private static double Milliseconds(Match percentile)
    {
        var value = double.Parse(percentile.Groups[2].Value, CultureInfo.InvariantCulture);
        return percentile.Groups[3].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    private sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms);
}
