using System.Diagnostics;

namespace Forecast.Bench;

/// <summary>
/// The demo tenant's first trainings (M2M, then CTR as its continuation) and batch scores, which ./forecast.sh bench
/// starts with the API: a benchmark measures once that background work is over, not beside it.
/// </summary>
internal static class DemoChampions
{
    public static async Task WaitAsync(HttpClient demo, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!(await demo.GetAsync("/v1/forecasts/summary", cancellationToken)).IsSuccessStatusCode)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(8)) throw new TimeoutException("The demo champion was not trained and scored within 8 minutes.");
            await Task.Delay(2000, cancellationToken);
        }

        Console.WriteLine($"demo champion trained and scored after {clock.Elapsed.TotalSeconds:F0} s");
        while (!(await demo.GetStringAsync("/v1/models?kind=ctr", cancellationToken)).Contains("\"Champion\"", StringComparison.Ordinal))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(12)) throw new TimeoutException("The demo CTR champion was not trained within 12 minutes.");
            await Task.Delay(2000, cancellationToken);
        }

        Console.WriteLine($"demo CTR champion trained after {clock.Elapsed.TotalSeconds:F0} s");
    }
}
