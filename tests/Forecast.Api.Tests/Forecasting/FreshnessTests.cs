using System.Net;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Forecasting;

[Collection(ApiCollection.Name)]
public sealed class FreshnessTests(ForecastApp app)
{
    [Fact]
    public async Task A_new_day_of_metrics_is_rescored_into_the_table_and_served_from_it_as_of_that_day()
    {
        var (tenant, advertiser, scored) = await TrainedAndScoredAsync();
        var lastDay = DateOnly.Parse(scored.GetProperty("asOf").GetString()!);
        var scenario = scored.GetProperty("scenarios")[0].GetProperty("scenario").GetString();

        var ingested = await tenant.PostJsonBatchAsync("daily-metrics", new[]
        {
            new { advertiserId = advertiser, scenario, date = lastDay.AddDays(1), impressions = 1200, clicks = 9 },
        });
        await ingested.ReadJsonAsync(HttpStatusCode.OK);

        var fresh = await WaitForAsync(tenant, advertiser, forecast =>
            forecast.GetProperty("servedFrom").GetString() == "batch-scored" && forecast.GetProperty("asOf").GetString() == $"{lastDay.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(scored.GetProperty("modelVersion").GetInt32(), fresh.GetProperty("modelVersion").GetInt32());
    }

    [Fact]
    public async Task An_advertiser_computed_now_gets_the_forecast_the_scoring_run_stored()
    {
        var (tenant, advertiser, scored) = await TrainedAndScoredAsync();
        await app.Database.ScalarAsync("DELETE FROM forecasts WHERE tenant_id = $1", tenant.Id);
        var computed = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);

        // The online read takes one advertiser's rows (its behaviour over the history window only), the scoring run the
        // tenant's: the same figures, up to the float rounding of a different batch.
        Assert.Equal("computed-now", computed.GetProperty("servedFrom").GetString());
        Assert.Equal(scored.GetProperty("asOf").GetString(), computed.GetProperty("asOf").GetString());
        var (stored, now) = (Figures(scored), Figures(computed));
        Assert.Equal(stored.Keys.Order(), now.Keys.Order());
        Assert.NotEmpty(stored);
        Assert.All(stored, figure => Assert.Equal(figure.Value, now[figure.Key], 1e-4 * Math.Max(1, Math.Abs(figure.Value))));
    }

    /// <summary>A demo tenant with a trained champion, and one advertiser's forecast once the scoring run has stored it.</summary>
    private async Task<(TenantClient Tenant, string Advertiser, JsonElement Scored)> TrainedAndScoredAsync()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainM2MJob>().RunAsync(tenant.Id, null, CancellationToken.None);
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
    private static async Task<JsonElement> WaitForAsync(TenantClient tenant, string advertiser, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var forecast = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
            if (condition(forecast)) return forecast;
            Assert.True(DateTime.UtcNow < deadline, $"the forecast never became fresh: {forecast}");
            await Task.Delay(250);
        }
    }
}
