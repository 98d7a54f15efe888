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
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainM2MJob>().RunAsync(tenant.Id, null, CancellationToken.None);
        }

        var scored = await WaitForAsync(tenant, advertiser, forecast => forecast.GetProperty("servedFrom").GetString() == "batch-scored");
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
