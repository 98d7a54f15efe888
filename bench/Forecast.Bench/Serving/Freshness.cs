using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Serving;

/// <summary>Follows an advertiser's forecast until it is served from the batch-scored table as of a day.</summary>
internal static class Freshness
{
    /// <returns>Seconds from the call until the forecast was batch-scored as of <paramref name="day"/>.</returns>
    public static async Task<double> WaitAsync(HttpClient tenant, string advertiser, DateOnly day, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(15))
        {
            var forecast = await tenant.GetFromJsonAsync<JsonElement>($"/v1/advertisers/{advertiser}/forecasts", cancellationToken);
            if (forecast.GetProperty("servedFrom").GetString() == "batch-scored" && forecast.GetProperty("asOf").GetString() == $"{day:yyyy-MM-dd}")
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"The forecasts table was not fresh for {day} within 15 minutes.");
    }
}
