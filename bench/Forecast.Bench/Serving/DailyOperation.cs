using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Serving;

/// <summary>
/// The morning of a real tenant: one new day of metrics for every advertiser × scenario the tenant forecasts (the
/// demo's own forecasts, a seventh of the week each, as plausible volumes), posted as one batch; then the forecast
/// endpoint is read at once. Measures the freshness lag (ingest answered → the advertiser's forecast batch-scored as of
/// the new day) while wrk reads through that window, then reads again once fresh. The reads go round the tenant's
/// forecast advertisers, as its dashboards do.
/// </summary>
internal static class DailyOperation
{
    public sealed record Outcome(TimeSpan FreshnessLag, int RowsIngested, Wrk.Result RightAfterIngest, Wrk.Result AfterFresh);

    public static async Task<Outcome> RunAsync(
        HttpClient client, string baseUrl, IReadOnlyList<string> forecastPaths, string advertiser, string demoKey, CancellationToken cancellationToken)
    {
        var current = await client.GetFromJsonAsync<JsonElement>($"/v1/advertisers/{advertiser}/forecasts", cancellationToken);
        var newDay = DateOnly.Parse(current.GetProperty("asOf").GetString()!).AddDays(1);
        var rows = await NewDayAsync(client, newDay, cancellationToken);
        (await client.PostAsJsonAsync("/v1/ingest/daily-metrics", new { rows }, cancellationToken)).EnsureSuccessStatusCode();

        var fresh = Freshness.WaitAsync(client, advertiser, newDay, cancellationToken);
        var rightAfter = await Wrk.RunOverAsync(baseUrl, forecastPaths, demoKey, connections: 16, seconds: 3, cancellationToken);
        var lag = TimeSpan.FromSeconds(await fresh);
        var after = await Wrk.RunOverAsync(baseUrl, forecastPaths, demoKey, connections: 16, seconds: 10, cancellationToken);
        return new Outcome(lag, rows.Count, rightAfter, after);
    }

    private static async Task<List<object>> NewDayAsync(HttpClient client, DateOnly day, CancellationToken cancellationToken)
    {
        var rows = new List<object>();
        foreach (var forecast in await ForecastedAdvertisers.ReadAsync(client, cancellationToken))
        {
            foreach (var scenario in forecast.GetProperty("scenarios").EnumerateArray())
            {
                var tasks = scenario.GetProperty("tasks");
                var impressions = (long)Math.Round(tasks.GetProperty("impressions").GetProperty("forecast").GetDouble() / 7);
                var clicks = Math.Min(impressions, (long)Math.Round(tasks.GetProperty("clicks").GetProperty("forecast").GetDouble() / 7));
                rows.Add(new { advertiserId = forecast.GetProperty("advertiserId").GetString(), scenario = scenario.GetProperty("scenario").GetString(), date = day, impressions, clicks });
            }
        }

        return rows;
    }
}
