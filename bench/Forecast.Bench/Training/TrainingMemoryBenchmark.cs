using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Training;

/// <summary>
/// Trainings one after another in the API process that runs the in-process Hangfire server (the default of
/// ./forecast.sh run), on the demo tenant's real data, with the process's resident memory printed every tenth: what
/// each training leaves behind shows as growth after the warm-up.
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
        Console.WriteLine($"training memory benchmark: {trainings} M2M trainings of the demo tenant in the API process (pid {apiProcessId})");
        Console.WriteLine($"  {"after",-16} {"RSS MB",8} {"peak MB",8} {"last training s",16}");
        Console.WriteLine($"  {"first trainings",-16} {start.RssMb,8:F0} {start.PeakMb,8:F0}");

        var rss = new Dictionary<int, double>();
        for (var training = 1; training <= trainings; training++)
        {
            var seconds = await TrainAsync(client, cancellationToken);
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

    private static async Task<double> TrainAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/v1/models/m2m/train", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var job = response.Headers.Location ?? throw new InvalidOperationException("The training was accepted without a job location.");
        while (true)
        {
            await Task.Delay(500, cancellationToken);
            var state = (await client.GetFromJsonAsync<JsonElement>(job, cancellationToken)).GetProperty("state").GetString();
            if (state == "Succeeded") return clock.Elapsed.TotalSeconds;
            if (state is "Failed" or "Deleted") throw new InvalidOperationException($"Training job {job} ended {state}.");
        }
    }
}
