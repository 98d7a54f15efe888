using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Api.Tests.Forecasts;
using Forecast.Api.Tests.Support;
using Forecast.Jobs.Scoring;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Accuracy;

public sealed class RealizedAccuracyTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private sealed record Series(string Advertiser, string Scenario, JsonElement Forecast, double ChurnProbability);

    private sealed record Totals(double Impressions, double Clicks, int ActiveDays);

    /// <summary>
    /// The demo's champion scores its last day; a week of actuals arrives (a surge for most series, nothing for every
    /// fourth: churn); the next scoring judges the forecasts issued a week before. The served accuracy must equal the
    /// figures computed here from the forecasts read through the API, the actuals sent and the week before.
    /// </summary>
    [Fact]
    public async Task Issued_forecasts_are_judged_when_their_actuals_arrive_as_computed_by_hand_and_a_drift_queues_a_retraining()
    {
        var (tenant, _) = await DemoTenant.CreateAsync(app);
        await RunAsync<TrainForecastModelJob>(job => job.RunAsync(tenant.Id, null, CancellationToken.None));
        await RunAsync<ScoreForecastsJob>(job => job.RunAsync(tenant.Id, CancellationToken.None));
        var model = (await (await tenant.Http.GetAsync("/v1/models")).ReadJsonAsync(HttpStatusCode.OK))[0];
        var modelId = model.GetProperty("id").GetGuid();

        var advertisers = (await (await tenant.Http.GetAsync("/v1/advertisers?limit=500")).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(advertiser => advertiser.GetProperty("id").GetString()!).ToArray();
        var issued = (await (await tenant.Http.PostAsJsonAsync("/v1/forecasts/query", new { advertiserIds = advertisers })).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("forecasts").EnumerateArray().Where(forecast => forecast.GetProperty("scenarios").GetArrayLength() > 0).ToList();
        Assert.All(issued, forecast => Assert.Equal("batch-scored", forecast.GetProperty("servedFrom").GetString()));
        var asOf = DateOnly.Parse(issued[0].GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        var series = issued.SelectMany(forecast => forecast.GetProperty("scenarios").EnumerateArray().Select(scenario => new Series(
                forecast.GetProperty("advertiserId").GetString()!, scenario.GetProperty("scenario").GetString()!, scenario.GetProperty("tasks"),
                scenario.GetProperty("churnProbability").GetDouble())))
            .ToList();
        Assert.True(series.Count >= 10, $"only {series.Count} series were scored");

        var lastWeek = await LastWeekAsync(tenant.Id, asOf);
        var actuals = new Dictionary<(string, string), Totals>();
        var rows = new List<object>();
        foreach (var (item, index) in series.Select((item, index) => (item, index)))
        {
            var before = lastWeek.GetValueOrDefault((item.Advertiser, item.Scenario), new Totals(0, 0, 0));
            var impressions = index % 4 == 0 ? 0 : (long)(5 * ((before.Impressions / 7) + 100));
            var clicks = impressions / 40;
            actuals[(item.Advertiser, item.Scenario)] = new Totals(7 * impressions, 7 * clicks, impressions > 0 ? 7 : 0);
            if (impressions > 0)
            {
                rows.AddRange(Enumerable.Range(1, 7).Select(day => new { advertiserId = item.Advertiser, scenario = item.Scenario, date = asOf.AddDays(day), impressions, clicks }));
            }
        }

        await (await tenant.PostJsonBatchAsync("daily-metrics", rows)).ReadJsonAsync(HttpStatusCode.OK);
        await RunAsync<ScoreForecastsJob>(job => job.RunAsync(tenant.Id, CancellationToken.None));

        var accuracy = await (await tenant.Http.GetAsync($"/v1/models/{modelId}/accuracy")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{asOf:yyyy-MM-dd}", accuracy.GetProperty("from").GetString());
        Assert.Equal($"{asOf:yyyy-MM-dd}", accuracy.GetProperty("to").GetString());
        var served = accuracy.GetProperty("tasks").EnumerateArray().ToDictionary(task => task.GetProperty("task").GetString()!);
        foreach (var task in new[] { "impressions", "clicks", "active_days" })
        {
            var pairs = series.Select(item =>
            {
                var forecast = item.Forecast.GetProperty(task);
                var actual = Value(actuals[(item.Advertiser, item.Scenario)], task);
                var naive = Value(lastWeek.GetValueOrDefault((item.Advertiser, item.Scenario), new Totals(0, 0, 0)), task);
                return (Forecast: forecast.GetProperty("forecast").GetDouble(), Lower: forecast.GetProperty("lower").GetDouble(),
                    Upper: forecast.GetProperty("upper").GetDouble(), Actual: actual, Naive: naive);
            }).ToList();
            var figures = served[task];
            Assert.Equal(pairs.Count, figures.GetProperty("pairs").GetInt32());
            AssertClose(100 * pairs.Average(pair => Smape(pair.Actual, pair.Forecast)), figures.GetProperty("smape").GetDouble());
            AssertClose(pairs.Sum(pair => Math.Abs(pair.Actual - pair.Forecast)) / pairs.Sum(pair => pair.Actual), figures.GetProperty("nmae").GetDouble());
            AssertClose(pairs.Count(pair => pair.Actual >= pair.Lower && pair.Actual <= pair.Upper) / (double)pairs.Count, figures.GetProperty("intervalCoverage").GetDouble());
            AssertClose(100 * pairs.Average(pair => Smape(pair.Actual, pair.Naive)), figures.GetProperty("naiveSmape").GetDouble());
            AssertClose(pairs.Sum(pair => Math.Abs(pair.Actual - pair.Naive)) / pairs.Sum(pair => pair.Actual), figures.GetProperty("naiveNmae").GetDouble());
        }

        var churn = served["churn"];
        AssertClose(series.Average(item => Math.Pow(item.ChurnProbability - (actuals[(item.Advertiser, item.Scenario)].ActiveDays == 0 ? 1 : 0), 2)),
            churn.GetProperty("brier").GetDouble());
        AssertClose(series.Average(item => (actuals[(item.Advertiser, item.Scenario)].ActiveDays == 0) ==
            (lastWeek.GetValueOrDefault((item.Advertiser, item.Scenario), new Totals(0, 0, 0)).ActiveDays == 0) ? 0.0 : 1.0),
            churn.GetProperty("naiveBrier").GetDouble());

        // The tenant-wide view over that day says the same; the forecast issued that day reads back as it was served.
        var tenantWide = await (await tenant.Http.GetAsync($"/v1/accuracy?from={asOf:yyyy-MM-dd}&to={asOf:yyyy-MM-dd}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(accuracy.GetProperty("tasks").ToString(), tenantWide.GetProperty("tasks").ToString());
        var first = series[0];
        var readBack = await (await tenant.Http.GetAsync($"/v1/advertisers/{first.Advertiser}/forecasts?asOf={asOf:yyyy-MM-dd}&scenario={first.Scenario}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("issued", readBack.GetProperty("servedFrom").GetString());
        Assert.Equal(first.Forecast.ToString(), readBack.GetProperty("scenarios")[0].GetProperty("tasks").ToString());
        var current = await (await tenant.Http.GetAsync($"/v1/advertisers/{first.Advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{asOf.AddDays(7):yyyy-MM-dd}", current.GetProperty("asOf").GetString());

        // A surge of five times last week is far off what was validated: the champion is flagged and a retraining queued.
        var flagged = await (await tenant.Http.GetAsync($"/v1/models/{modelId}")).ReadJsonAsync(HttpStatusCode.OK);
        var drift = flagged.GetProperty("drift");
        Assert.Equal($"{asOf.AddDays(7):yyyy-MM-dd}", drift.GetProperty("detectedOn").GetString());
        Assert.Contains("SMAPE", drift.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var job = await (await tenant.Http.GetAsync($"/v1/jobs/{drift.GetProperty("retrainingJob").GetString()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("forecast", job.GetProperty("kind").GetString());
        Assert.Equal("Enqueued", job.GetProperty("state").GetString());

        var chart = await tenant.Http.GetAsync("/v1/accuracy/chart?task=clicks");
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await chart.Content.ReadAsByteArrayAsync()).Take(4));
    }

    [Fact]
    public async Task Bad_accuracy_and_as_of_queries_name_their_field()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        Assert.Equal(["to"], (await (await tenant.Http.GetAsync("/v1/accuracy?from=2026-03-10&to=2026-03-01")).ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["from"], (await (await tenant.Http.GetAsync("/v1/accuracy?from=yesterday")).ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await tenant.Http.GetAsync("/v1/accuracy?scenario=ghost")).ReadJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(["task"], (await (await tenant.Http.GetAsync("/v1/accuracy/chart?task=revenue")).ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await tenant.Http.GetAsync($"/v1/models/{Guid.NewGuid()}/accuracy")).ReadJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(["asOf"], (await (await tenant.Http.GetAsync("/v1/advertisers/a1/forecasts?asOf=2026-02-30")).ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["asOf"], (await (await tenant.Http.GetAsync("/v1/advertisers/a1/forecasts?asOf=2026-02-01")).ReadJsonAsync(HttpStatusCode.NotFound)).ErrorFields());
        await (await tenant.Http.GetAsync("/v1/advertisers/ghost/forecasts?asOf=2026-02-01")).ReadJsonAsync(HttpStatusCode.NotFound);
        var empty = await (await tenant.Http.GetAsync("/v1/accuracy")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, empty.GetProperty("tasks").GetArrayLength());
    }

    private async Task RunAsync<TJob>(Func<TJob, Task> run)
        where TJob : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    /// <summary>Each series' totals over the 7 days up to the as-of day, straight from the table: the naive's forecast.</summary>
    private async Task<Dictionary<(string, string), Totals>> LastWeekAsync(Guid tenantId, DateOnly asOf)
    {
        var rows = await app.Database.RowsAsync("""
            SELECT a.external_id, s.key, sum(m.impressions), sum(m.clicks), count(*) FILTER (WHERE m.impressions > 0 OR m.clicks > 0 OR m.spend > 0 OR m.conversions > 0)
            FROM daily_metrics m
            JOIN advertisers a ON a.tenant_id = m.tenant_id AND a.id = m.advertiser_id
            JOIN scenarios s ON s.tenant_id = m.tenant_id AND s.id = m.scenario_id
            WHERE m.tenant_id = $1 AND m.date > $2 AND m.date <= $3
            GROUP BY a.external_id, s.key
            """, tenantId, asOf.AddDays(-7), asOf);
        return rows.Select(row => row.Split('|')).ToDictionary(
            fields => (fields[0], fields[1]),
            fields => new Totals(double.Parse(fields[2], CultureInfo.InvariantCulture), double.Parse(fields[3], CultureInfo.InvariantCulture), int.Parse(fields[4], CultureInfo.InvariantCulture)));
    }

    private static double Value(Totals totals, string task) => task switch
    {
        "impressions" => totals.Impressions,
        "clicks" => totals.Clicks,
        _ => totals.ActiveDays,
    };

    private static double Smape(double actual, double forecast) =>
        actual + forecast == 0 ? 0 : 2 * Math.Abs(actual - forecast) / (Math.Abs(actual) + Math.Abs(forecast));

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, served {actual}");
}
