using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Training;

/// <summary>A training asked for through the API and followed until its job ends.</summary>
internal static class TrainingRun
{
    /// <returns>The job's final state and the seconds from the request to it.</returns>
    public static async Task<(string State, double Seconds)> RunAsync(HttpClient tenant, string kind, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var response = await tenant.PostAsync($"/v1/models/{kind}/train", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var job = response.Headers.Location ?? throw new InvalidOperationException("The training was accepted without a job location.");
        while (true)
        {
            await Task.Delay(500, cancellationToken);
            var state = (await tenant.GetFromJsonAsync<JsonElement>(job, cancellationToken)).GetProperty("state").GetString()!;
            if (state is "Succeeded" or "Failed" or "Deleted") return (state, clock.Elapsed.TotalSeconds);
        }
    }
}
