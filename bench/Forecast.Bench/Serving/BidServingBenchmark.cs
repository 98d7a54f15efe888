using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Serving;

/// <summary>
/// POST /v1/bids/estimate with wrk on loopback (full load, 16 connections, and light load, 2 connections, for the
/// latency percentiles), and the batch form with 1,000 opportunities per request for rows per second. Expects
/// ./forecast.sh bench bids to have started the API with the demo tenant; waits for its champions.
/// </summary>
internal static class BidServingBenchmark
{
    private const int BatchItems = 1000;

    public static async Task<int> RunAsync(BenchEnvironment environment, string demoKey, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = environment.ApiUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", demoKey);
        var advertisers = (await client.GetFromJsonAsync<JsonElement>("/v1/advertisers?limit=100", cancellationToken))
            .GetProperty("items").EnumerateArray().Select(advertiser => advertiser.GetProperty("id").GetString()!).ToList();
        var single = JsonSerializer.Serialize(Opportunity(advertisers[0], 0), JsonSerializerOptions.Web);
        await DemoChampions.WaitAsync(client, cancellationToken);
        var url = $"{environment.ApiUrl}v1/bids/estimate";
        await Wrk.RunAsync(url, demoKey, connections: 4, seconds: 3, single, cancellationToken); // warm-up
        var full = await Wrk.RunAsync(url, demoKey, connections: 16, seconds: 10, single, cancellationToken);
        var light = await Wrk.RunAsync(url, demoKey, connections: 2, seconds: 10, single, cancellationToken);

        var batch = JsonSerializer.Serialize(new { items = Enumerable.Range(0, BatchItems).Select(index => Opportunity(advertisers[index % advertisers.Count], index)) }, JsonSerializerOptions.Web);
        var batchUrl = $"{environment.ApiUrl}v1/bids/estimate/batch";
        await Wrk.RunAsync(batchUrl, demoKey, connections: 2, seconds: 3, batch, cancellationToken); // warm-up
        var batched = await Wrk.RunAsync(batchUrl, demoKey, connections: 2, seconds: 10, batch, cancellationToken);

        Console.WriteLine($"bid estimate benchmark ({advertisers.Count} demo advertisers, wrk on loopback, 2 threads):");
        Console.WriteLine($"  single estimate, 16 connections   {full.RequestsPerSecond,10:N0} req/s   p50 {full.P50Ms,6:F2} ms   p99 {full.P99Ms,6:F2} ms");
        Console.WriteLine($"  single estimate, 2 connections    {light.RequestsPerSecond,10:N0} req/s   p50 {light.P50Ms,6:F2} ms   p99 {light.P99Ms,6:F2} ms (target p99 <= 10 ms)");
        Console.WriteLine($"  batch of {BatchItems}, 2 connections     {batched.RequestsPerSecond * BatchItems,10:N0} estimates/s   p50 {batched.P50Ms,6:F2} ms   p99 {batched.P99Ms,6:F2} ms");
        return 0;
    }

    /// <summary>An opportunity in one of the demo's scenarios at one of its 4-hour slots.</summary>
    private static object Opportunity(string advertiser, int index) => new
    {
        advertiserId = advertiser,
        scenario = index % 2 == 0 ? "app" : "site",
        at = new DateTimeOffset(2019, 3, 28, 4 * (index % 6), 0, 0, TimeSpan.Zero),
        goal = new { type = "cpc", target = 0.5m },
    };
}
