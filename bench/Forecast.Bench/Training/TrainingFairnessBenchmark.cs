using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Bench.Ingestion;
using Forecast.Bench.Scale;
using Npgsql;

namespace Forecast.Bench.Training;

/// <summary>
/// A small tenant's training asked for while a large one's runs: the shipped TabMo tenant (4,928 training samples)
/// and the Google political ads spend as a spend-only tenant (~110k daily rows). The large one is asked first; once it
/// runs, the small one is asked. Prints how long the small one waited to start and to finish, against its own training
/// time alone and the large one's. Run with <c>Forecast__Jobs__TrainingWorkerCount=1</c> in the environment for the
/// one-worker baseline.
/// </summary>
internal static class TrainingFairnessBenchmark
{
    private static readonly Stopwatch Since = Stopwatch.StartNew();

    public static async Task<int> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(environment.ConnectionString);
        using var admin = new HttpClient { BaseAddress = environment.ApiUrl, Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", environment.AdminKey);
        var demo = await ShippedData.ReadAsync(cancellationToken);
        var spend = await PoliticalAdsSpend.ReadAsync(cancellationToken);
        using var small = await LoadAsync(admin, dataSource, "small (TabMo)", demo.DailyMetrics, cancellationToken);
        using var large = await LoadAsync(admin, dataSource, "large (political ads spend)", spend, cancellationToken);
        await JobQueue.DrainedAsync(dataSource, cancellationToken);

        var aloneAsked = Since.Elapsed;
        var alone = await WaitForStateAsync(small, await RequestAsync(small, cancellationToken), "Succeeded", cancellationToken) - aloneAsked;
        await JobQueue.DrainedAsync(dataSource, cancellationToken);

        var largeAsked = Since.Elapsed;
        var largeJob = await RequestAsync(large, cancellationToken);
        await WaitForStateAsync(large, largeJob, "Processing", cancellationToken);
        var smallAsked = Since.Elapsed;
        var smallJob = await RequestAsync(small, cancellationToken);
        var started = await WaitForStateAsync(small, smallJob, "Processing", cancellationToken) - smallAsked;
        var finished = await WaitForStateAsync(small, smallJob, "Succeeded", cancellationToken) - smallAsked;
        var largeDone = await WaitForStateAsync(large, largeJob, "Succeeded", cancellationToken) - largeAsked;
        var asked = smallAsked - largeAsked;

        Console.WriteLine($"training fairness ({spend.Count:N0}-row spend tenant and the {demo.DailyMetrics.Count:N0}-row demo tenant):");
        Console.WriteLine($"  small tenant alone: {alone.TotalSeconds:F1} s from request to done");
        Console.WriteLine($"  small tenant asked {asked.TotalSeconds:F1} s into the large one's run: started after {started.TotalSeconds:F1} s, done after {finished.TotalSeconds:F1} s ({finished / alone:F2} × alone)");
        Console.WriteLine($"  large tenant: done {largeDone.TotalSeconds:F1} s after its request");
        return 0;
    }

    private static async Task<HttpClient> LoadAsync(
        HttpClient admin, NpgsqlDataSource dataSource, string name, IReadOnlyList<Application.Ingestion.DailyMetrics.DailyMetricRow> rows, CancellationToken cancellationToken)
    {
        var tenant = await BenchTenant.CreateAsync(admin, dataSource, name, rows, cancellationToken);
        var client = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.ApiKey);
        // Trained on request only: the measurement is of two requests, not of the loop.
        (await client.PutAsJsonAsync("/v1/models/retraining", new { mode = "drift-only" }, cancellationToken)).EnsureSuccessStatusCode();
        await HttpBatches.SendAsync(client, "daily-metrics", rows, cancellationToken);
        return client;
    }

    private static async Task<string> RequestAsync(HttpClient tenant, CancellationToken cancellationToken)
    {
        var response = await tenant.PostAsync("/v1/models/forecast/train", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.Location!.ToString();
    }

    /// <returns>When the job reached the state (or a later one), on <see cref="Since"/>.</returns>
    private static async Task<TimeSpan> WaitForStateAsync(HttpClient tenant, string job, string state, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            var current = (await tenant.GetFromJsonAsync<JsonElement>(job, cancellationToken)).GetProperty("state").GetString();
            if (current == state || (state == "Processing" && current is "Succeeded") || DateTime.UtcNow > deadline)
            {
                return Since.Elapsed;
            }

            if (current == "Failed")
            {
                throw new InvalidOperationException($"{job} failed");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
