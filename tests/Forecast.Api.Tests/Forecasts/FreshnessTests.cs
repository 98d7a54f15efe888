using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Forecasts;

[Collection(ApiCollection.Name)]
public sealed class FreshnessTests(ForecastApp app)
{
    [Fact]
    public async Task A_new_day_of_metrics_is_rescored_into_the_table_and_served_from_it_as_of_that_day()
    {
        var (tenant, advertiser, scored) = await TrainedAndScoredAsync();
        var lastDay = DateOnly.Parse(scored.GetProperty("asOf").GetString()!);

        await IngestNextDayAsync(tenant, lastDay);
        // The batch-scored forecast read above is kept in memory; the ingestion's answer comes after it is dropped.
        var rightAfter = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{lastDay.AddDays(1):yyyy-MM-dd}", rightAfter.GetProperty("asOf").GetString());

        var fresh = await WaitForAsync(tenant, advertiser, forecast =>
            forecast.GetProperty("servedFrom").GetString() == "batch-scored" && forecast.GetProperty("asOf").GetString() == $"{lastDay.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(scored.GetProperty("modelVersion").GetInt32(), fresh.GetProperty("modelVersion").GetInt32());
    }

    [Fact]
    public async Task An_advertiser_computed_now_gets_the_forecast_the_scoring_run_stored()
    {
        var (tenant, advertiser, scored) = await TrainedAndScoredAsync();
        // A statement from outside the API: its trigger's announcement drops the forecast the API keeps in memory.
        await app.Database.ScalarAsync("DELETE FROM forecasts WHERE tenant_id = $1", tenant.Id);
        var computed = await WaitForAsync(tenant, advertiser, forecast => forecast.GetProperty("servedFrom").GetString() == "computed-now", seconds: 5);

        // The online read takes one advertiser's rows (its behaviour over the history window only), the scoring run the
        // tenant's: the same figures, up to the float rounding of a different batch.
        Assert.Equal("computed-now", computed.GetProperty("servedFrom").GetString());
        Assert.Equal(scored.GetProperty("asOf").GetString(), computed.GetProperty("asOf").GetString());
        var (stored, now) = (Figures(scored), Figures(computed));
        Assert.Equal(stored.Keys.Order(), now.Keys.Order());
        Assert.NotEmpty(stored);
        Assert.All(stored, figure => Assert.Equal(figure.Value, now[figure.Key], 1e-4 * Math.Max(1, Math.Abs(figure.Value))));
    }

    [Fact]
    public async Task A_stored_forecast_is_served_from_memory_until_the_database_announces_a_change()
    {
        var (tenant, advertiser, scored) = await TrainedAndScoredAsync();
        var scenario = scored.GetProperty("scenarios")[0].GetProperty("scenario").GetString();
        var stored = ChurnOf(scored, scenario);

        // Changed with triggers off (replica role): the table changes, nothing is announced.
        await app.Database.ScalarAsync(
            $"SET session_replication_role = replica; UPDATE forecasts SET churn_probability = 0.123 WHERE tenant_id = '{tenant.Id}'; RESET session_replication_role");
        var cached = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("batch-scored", cached.GetProperty("servedFrom").GetString());
        Assert.Equal(stored, ChurnOf(cached, scenario));

        await app.Database.ScalarAsync("SELECT pg_notify('forecast_inputs_changed', $1)", tenant.Id.ToString());
        var reread = await WaitForAsync(tenant, advertiser, forecast => ChurnOf(forecast, scenario) == 0.123, seconds: 5);
        Assert.Equal("batch-scored", reread.GetProperty("servedFrom").GetString());
    }

    [Fact]
    public async Task A_second_instance_drops_the_forecast_it_keeps_when_the_first_ingests_a_new_day()
    {
        var (tenant, advertiser, scored) = await TrainedAndScoredAsync();
        var lastDay = DateOnly.Parse(scored.GetProperty("asOf").GetString()!);
        await using var second = new SecondInstance(app.Database);
        using var onSecond = second.ClientWithKey(tenant.ApiKey);
        var kept = await (await onSecond.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("batch-scored", $"{lastDay:yyyy-MM-dd}"), (kept.GetProperty("servedFrom").GetString(), kept.GetProperty("asOf").GetString()));

        await IngestNextDayAsync(tenant, lastDay);

        var clock = Stopwatch.StartNew();
        while ((await (await onSecond.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("asOf").GetString() != $"{lastDay.AddDays(1):yyyy-MM-dd}")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "the second instance still served the forecast from before the new day after 2 s");
            await Task.Delay(20);
        }
    }

    /// <summary>The day after the last for every series that sent the last: a day the tenant has reached (a few rows would wait).</summary>
    private async Task IngestNextDayAsync(TenantClient tenant, DateOnly lastDay)
    {
        var series = await app.Database.RowsAsync("""
            SELECT a.external_id, s.key FROM daily_metrics m
            JOIN advertisers a ON a.tenant_id = m.tenant_id AND a.id = m.advertiser_id
            JOIN scenarios s ON s.tenant_id = m.tenant_id AND s.id = m.scenario_id
            WHERE m.tenant_id = $1 AND m.date = $2
            """, tenant.Id, lastDay);
        var rows = series.Select(pair => pair.Split('|'))
            .Select(pair => new { advertiserId = pair[0], scenario = pair[1], date = lastDay.AddDays(1), impressions = 1200, clicks = 9 });
        foreach (var batch in rows.Chunk(Application.Ingestion.BatchLimits.MaxRows))
        {
            await (await tenant.PostJsonBatchAsync("daily-metrics", batch)).ReadJsonAsync(HttpStatusCode.OK);
        }
    }

    private static double ChurnOf(JsonElement forecast, string? scenario) =>
        forecast.GetProperty("scenarios").EnumerateArray().Single(item => item.GetProperty("scenario").GetString() == scenario).GetProperty("churnProbability").GetDouble();

    /// <summary>A demo tenant with a trained champion, and one advertiser's forecast once the scoring run has stored it.</summary>
    private async Task<(TenantClient Tenant, string Advertiser, JsonElement Scored)> TrainedAndScoredAsync()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainForecastModelJob>().RunAsync(tenant.Id, null, CancellationToken.None);
        }

        return (tenant, advertiser, await WaitForAsync(tenant, advertiser, forecast => forecast.GetProperty("servedFrom").GetString() == "batch-scored"));
    }

    private static Dictionary<string, double> Figures(JsonElement forecast) =>
        forecast.GetProperty("scenarios").EnumerateArray().SelectMany(scenario =>
            scenario.GetProperty("tasks").EnumerateObject().SelectMany(task => new[] { "forecast", "lower", "upper" }
                .Select(figure => ($"{scenario.GetProperty("scenario").GetString()}/{task.Name}/{figure}", task.Value.GetProperty(figure).GetDouble())))
                .Append(($"{scenario.GetProperty("scenario").GetString()}/churn", scenario.GetProperty("churnProbability").GetDouble())))
            .ToDictionary(pair => pair.Item1, pair => pair.Item2);

    /// <summary>Polls the advertiser's forecast until it satisfies the condition (the scoring job runs in the background).</summary>
    private static async Task<JsonElement> WaitForAsync(TenantClient tenant, string advertiser, Func<JsonElement, bool> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var forecast = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
            if (condition(forecast)) return forecast;
            Assert.True(DateTime.UtcNow < deadline, $"the forecast never became fresh: {forecast}");
            await Task.Delay(100);
        }
    }
}
