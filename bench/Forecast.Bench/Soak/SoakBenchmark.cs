using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forecast.Bench.Training;

namespace Forecast.Bench.Soak;

/// <summary>
/// Mixed traffic on the demo tenant for a while at 70% of what the same mix reaches unpaced (measured first, for 20 s):
/// forecast reads (60%), forecast queries of 10 advertisers (15%), bid estimates (15%) and one-day ingestion batches
/// (10%), with one training after the first minute. Prints per minute: req/s, p50, p99, errors, 5xx and the API
/// process's RSS. The mix's own maximum, not one endpoint's: a rate the mix cannot sustain measures only queueing.
/// </summary>
internal static class SoakBenchmark
{
    private const int Workers = 32;

    public static async Task<int> RunAsync(BenchEnvironment environment, string demoKey, int apiProcessId, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = environment.ApiUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", demoKey);
        await DemoChampions.WaitAsync(client, cancellationToken);
        var advertisers = (await client.GetFromJsonAsync<JsonElement>("/v1/advertisers?limit=200", cancellationToken))
            .GetProperty("items").EnumerateArray().Select(advertiser => advertiser.GetProperty("id").GetString()!).ToList();
        var latestDay = await LatestDayRowsAsync(client, advertisers[0], cancellationToken);
        var maximum = await MixMaximumAsync(environment.ApiUrl, demoKey, advertisers, latestDay, cancellationToken);
        var rate = 0.7 * maximum;
        Console.WriteLine($"soak: {duration.TotalMinutes:F0} min of mixed traffic at {rate:N0} req/s (70% of the mix's unpaced {maximum:N0} req/s), {Workers} clients");

        var minutes = Enumerable.Range(0, (int)Math.Ceiling(duration.TotalMinutes)).Select(_ => new SoakMinute()).ToArray();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Workers).Select(worker => RunClientAsync(environment.ApiUrl, demoKey, advertisers, latestDay, rate / Workers, worker, minutes, clock, duration, cancellationToken)).ToList();
        var training = TrainAfterAMinuteAsync(client, clock, cancellationToken);
        Console.WriteLine($"  {"minute",6} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"5xx",5} {"RSS MB",8}");
        for (var minute = 0; minute < minutes.Length; minute++)
        {
            var end = TimeSpan.FromMinutes(minute + 1);
            if (end > duration) end = duration;
            await Task.Delay(end - clock.Elapsed > TimeSpan.Zero ? end - clock.Elapsed : TimeSpan.Zero, cancellationToken);
            var seen = minutes[minute];
            seen.RssMb = ProcessMemory.Of(apiProcessId).RssMb;
            var seconds = (end - TimeSpan.FromMinutes(minute)).TotalSeconds;
            Console.WriteLine($"  {minute + 1,6} {seen.Requests / seconds,8:N0} {seen.Percentile(0.5),8:F2} {seen.Percentile(0.99),8:F2} {seen.Errors,7} {seen.ServerErrors,5} {seen.RssMb,8:F0}");
        }

        await Task.WhenAll(workers);
        Console.WriteLine($"  training during the soak: {await training}");
        var serverErrors = minutes.Sum(minute => minute.ServerErrors);
        var from = minutes[Math.Min(1, minutes.Length - 1)].RssMb;
        Console.WriteLine($"  5xx answers                         {serverErrors,6} (target 0)");
        Console.WriteLine($"  RSS drift from minute 2 to the end  {((minutes[^1].RssMb / from) - 1) * 100,6:F1} % (target < 10 %)");
        return serverErrors == 0 ? 0 : 1;
    }

    /// <summary>Requests per second the mix gets answered with every client sending as fast as it is answered.</summary>
    private static async Task<double> MixMaximumAsync(
        Uri api, string key, IReadOnlyList<string> advertisers, string latestDay, CancellationToken cancellationToken)
    {
        var probe = new[] { new SoakMinute() };
        var clock = Stopwatch.StartNew();
        var length = TimeSpan.FromSeconds(20);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker =>
            RunClientAsync(api, key, advertisers, latestDay, double.PositiveInfinity, Workers + worker, probe, clock, length, cancellationToken)));
        return probe[0].Requests / clock.Elapsed.TotalSeconds;
    }

    private static async Task RunClientAsync(
        Uri api, string key, IReadOnlyList<string> advertisers, string latestDay, double rate, int seed,
        SoakMinute[] minutes, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = api };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var random = new Random(seed);
        var interval = TimeSpan.FromSeconds(1 / rate);
        var next = clock.Elapsed;
        while (clock.Elapsed < duration)
        {
            var advertiser = advertisers[random.Next(advertisers.Count)];
            var roll = random.NextDouble();
            using var request = roll switch
            {
                < 0.60 => new HttpRequestMessage(HttpMethod.Get, $"/v1/advertisers/{advertiser}/forecasts"),
                < 0.75 => Json(HttpMethod.Post, "/v1/forecasts/query", new { advertiserIds = random.GetItems(advertisers.ToArray(), 10).Distinct() }),
                < 0.90 => Json(HttpMethod.Post, "/v1/bids/estimate", new { advertiserId = advertiser, scenario = "app", goal = new { type = "cpc", target = 0.8 } }),
                _ => new HttpRequestMessage(HttpMethod.Post, "/v1/ingest/daily-metrics") { Content = new StringContent(latestDay, Encoding.UTF8, "application/json") },
            };
            var started = clock.Elapsed;
            int status;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            var minute = (int)Math.Min(minutes.Length - 1, started.TotalMinutes);
            minutes[minute].Record((clock.Elapsed - started).TotalMilliseconds, status);
            next += interval;
            if (next > clock.Elapsed) await Task.Delay(next - clock.Elapsed, cancellationToken);
        }
    }

    private static async Task<string> TrainAfterAMinuteAsync(HttpClient client, Stopwatch clock, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
        var (state, _) = await TrainingRun.RunAsync(client, "forecast", cancellationToken);
        return $"{state} at {clock.Elapsed.TotalSeconds:F0} s";
    }

    /// <summary>The advertiser's rows of the tenant's latest day, to be sent again and again (a replay stores nothing new).</summary>
    private static async Task<string> LatestDayRowsAsync(HttpClient client, string advertiser, CancellationToken cancellationToken)
    {
        var forecast = await client.GetFromJsonAsync<JsonElement>($"/v1/advertisers/{advertiser}/forecasts", cancellationToken);
        var asOf = forecast.GetProperty("asOf").GetString();
        var rows = forecast.GetProperty("scenarios").EnumerateArray()
            .Select(scenario => new { advertiserId = advertiser, scenario = scenario.GetProperty("scenario").GetString(), date = asOf, impressions = 100, clicks = 1 });
        return JsonSerializer.Serialize(new { rows }, JsonSerializerOptions.Web);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body) };
}
