using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Training;

/// <summary>
/// Trainings one after another in the API process that runs the in-process Hangfire server (the default of
/// ./forecast.sh run), on the demo tenant's real data, each new model promoted and serving a forecast (as a nightly run
/// on new data would), with the process's resident memory printed every tenth: what each training or replaced champion
/// leaves behind shows as growth after the warm-up.
/// </summary>
internal static class TrainingMemoryBenchmark
{
    private const int ReportEvery = 10;

    public static async Task<int> RunAsync(
        BenchEnvironment environment, string demoKey, int apiProcessId, int trainings, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = environment.ApiUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", demoKey);
        await DemoChampions.WaitAsync(client, cancellationToken);
        var start = ProcessMemory.Of(apiProcessId);
        Console.WriteLine($"training memory benchmark: {trainings} forecast model trainings of the demo tenant in the API process (pid {apiProcessId})");
        Console.WriteLine($"  {"after",-16} {"RSS MB",8} {"peak MB",8} {"last training s",16}");
        Console.WriteLine($"  {"first trainings",-16} {start.RssMb,8:F0} {start.PeakMb,8:F0}");

        var summary = await client.GetFromJsonAsync<JsonElement>("/v1/forecasts/summary", cancellationToken);
        var forecastPath = $"/v1/advertisers/{summary.GetProperty("mostLikelyToChurn")[0].GetProperty("advertiserId").GetString()}/forecasts";
        var rss = new Dictionary<int, double>();
        for (var training = 1; training <= trainings; training++)
        {
            var (state, seconds) = await TrainingRun.RunAsync(client, "forecast", cancellationToken);
            if (state != "Succeeded") throw new InvalidOperationException($"Training {training} ended {state}.");
            await PromoteAndServeAsync(client, forecastPath, cancellationToken);
            if (training % ReportEvery == 0 || training == trainings)
            {
                var memory = ProcessMemory.Of(apiProcessId);
                rss[training] = memory.RssMb;
                Console.WriteLine($"  {$"training {training}",-16} {memory.RssMb,8:F0} {memory.PeakMb,8:F0} {seconds,16:F1}");
            }
        }

        var warm = rss.GetValueOrDefault(ReportEvery, rss.Values.First());
        var last = rss[trainings];
        Console.WriteLine($"  growth from training {Math.Min(ReportEvery, trainings)} to {trainings}   {(last / warm - 1) * 100,6:F1} %  (target <= 10 %)");
        Console.WriteLine($"  API process RSS at the end  {last,6:F0} MB (target <= 700 MB)");
        return 0;
    }

    /// <summary>
    /// What a nightly retraining on new data does (the same data retrained never beats its champion): the new model
    /// becomes champion, serves a forecast, and the one it replaced must be released.
    /// </summary>
    private static async Task PromoteAndServeAsync(HttpClient client, string forecastPath, CancellationToken cancellationToken)
    {
        var newest = (await client.GetFromJsonAsync<JsonElement>("/v1/models?kind=forecast", cancellationToken))[0].GetProperty("id").GetString();
        (await client.PostAsync($"/v1/models/{newest}/promote", null, cancellationToken)).EnsureSuccessStatusCode();
        var champion = (await client.GetFromJsonAsync<JsonElement>("/v1/models?kind=forecast", cancellationToken))[0].GetProperty("version").GetInt32();
        while ((await client.GetFromJsonAsync<JsonElement>(forecastPath, cancellationToken)).GetProperty("modelVersion").GetInt32() != champion)
        {
            await Task.Delay(500, cancellationToken); // the champion cache rechecks the registry every few seconds
        }
    }
}
