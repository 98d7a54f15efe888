using System.Diagnostics;
using Forecast.Bench.Ingestion;
using Forecast.Bench.Training;
using Npgsql;

namespace Forecast.Bench.Scale;

/// <summary>
/// Two tenants of the same size ask for training at the same moment: first with the one worker the benchmark runs,
/// then again once a second worker process has joined (both on the same database and job queue).
/// </summary>
internal static class TwoWorkers
{
    /// <returns>Wall seconds until both trainings succeeded, with one worker and with two.</returns>
    public static async Task<(double One, double Two)> CompareAsync(
        BenchEnvironment environment, HttpClient admin, NpgsqlDataSource dataSource, ReplayedTenantData data, CancellationToken cancellationToken)
    {
        var tenants = new List<HttpClient>();
        try
        {
            foreach (var name in new[] { "pair-a", "pair-b" })
            {
                var tenant = await BenchTenant.CreateAsync(admin, dataSource, name, data.Scenarios, data.Advertisers, cancellationToken);
                var client = new HttpClient { BaseAddress = environment.ApiUrl, Timeout = TimeSpan.FromMinutes(10) };
                client.DefaultRequestHeaders.Add("X-Api-Key", tenant.ApiKey);
                tenants.Add(client);
                await HttpBatches.SendAsync(client, "daily-metrics", data.DailyMetrics, cancellationToken);
                await HttpBatches.SendAsync(client, "behaviour-events", data.BehaviourEvents, cancellationToken);
            }

            var one = await BothAsync(tenants, cancellationToken);
            using var second = WorkerProcess.Start(2);
            var two = await BothAsync(tenants, cancellationToken);
            return (one, two);
        }
        finally
        {
            tenants.ForEach(client => client.Dispose());
        }
    }

    private static async Task<double> BothAsync(IReadOnlyList<HttpClient> tenants, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(tenants.Select(tenant => TrainingRun.RunAsync(tenant, "forecast", cancellationToken)));
        if (runs.Any(run => run.State != "Succeeded"))
        {
            throw new InvalidOperationException($"A paired training ended {string.Join(", ", runs.Select(run => run.State))}.");
        }

        return clock.Elapsed.TotalSeconds;
    }
}
