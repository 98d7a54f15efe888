using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Tests.Loop;

/// <summary>
/// Left alone, as tenants leave it: a tenant loaded through the API (scenario attributes, no advertiser profile) that
/// nobody trains gets its first model from its data, a retraining after its next day, and webhooks saying so.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UnattendedLoopTests(ForecastApp app)
{
    [Fact]
    public async Task Nobody_calls_train_yet_the_first_model_comes_with_the_history_and_the_next_day_retrains_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await app.NewTenantAsync("Left alone", retraining: "new-data");
        await (await tenant.Http.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url, events = new[] { "training.succeeded", "champion.promoted" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var demo = await ReadDemoAsync();
        foreach (var (key, scenario) in demo.Scenarios)
        {
            (await tenant.Http.PutAsJsonAsync($"/v1/scenarios/{key}", new { name = scenario.Name, attributes = scenario.Attributes })).EnsureSuccessStatusCode();
        }

        await tenant.PutAdvertisersAsync([.. demo.Advertisers.Keys]); // names only: no profile
        var last = demo.DailyMetrics.Max(row => row.Date);

        await IngestAsync(tenant, demo.DailyMetrics.Where(row => row.Date < last));
        var first = await WaitForModelAsync(tenant, trainedThrough: last.AddDays(-1));
        await IngestAsync(tenant, demo.DailyMetrics.Where(row => row.Date == last));
        var second = await WaitForModelAsync(tenant, trainedThrough: last);

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var health = await (await tenant.Http.GetAsync("/v1/models/health")).ReadJsonAsync(HttpStatusCode.OK);
        var forecastModel = health.GetProperty("kinds").EnumerateArray().Single(kind => kind.GetProperty("kind").GetString() == "forecast");
        Assert.Equal(0, forecastModel.GetProperty("consecutiveFailures").GetInt32());
        // The champion is whichever run the gate kept: its age counts from its own last day to the as-of day.
        var championThrough = DateOnly.Parse(forecastModel.GetProperty("champion").GetProperty("trainedThrough").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(last.DayNumber - championThrough.DayNumber, forecastModel.GetProperty("championAgeDataDays").GetInt32());
        Assert.Equal(last, DateOnly.Parse(health.GetProperty("data").GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(last, DateOnly.Parse(forecastModel.GetProperty("lastSucceeded").GetProperty("trainedThrough").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("healthy", forecastModel.GetProperty("status").GetString());
        var received = await receiver.WaitForAsync(deliveries => deliveries.Count(delivery => delivery.Event == "training.succeeded") >= 2);
        Assert.Equal(2, received.Count(delivery => delivery.Event == "training.succeeded"));
        Assert.Contains(received, delivery => delivery.Event == "champion.promoted");
    }

    private async Task<TabmoDemoRows> ReadDemoAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await TabmoCampaignMapping.ReadAsync(scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.DataPath, CancellationToken.None);
    }

    private static async Task IngestAsync(TenantClient tenant, IEnumerable<Application.Ingestion.DailyMetrics.DailyMetricRow> rows)
    {
        foreach (var batch in rows.Chunk(Application.Ingestion.BatchLimits.MaxRows))
        {
            await (await tenant.PostJsonBatchAsync("daily-metrics", batch)).ReadJsonAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>The forecast model trained through the day, once one is (nobody asks for it: the loop does).</summary>
    private static async Task<JsonElement> WaitForModelAsync(TenantClient tenant, DateOnly trainedThrough)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var models = await (await tenant.Http.GetAsync("/v1/models?kind=forecast")).ReadJsonAsync(HttpStatusCode.OK);
            var trained = models.EnumerateArray().FirstOrDefault(model =>
                model.TryGetProperty("trainedThrough", out var through) && through.ValueKind == JsonValueKind.String
                && DateOnly.Parse(through.GetString()!, CultureInfo.InvariantCulture) == trainedThrough);
            Assert.False(models.EnumerateArray().Any(model => model.GetProperty("status").GetString() == "Failed"), models.ToString());
            if (trained.ValueKind == JsonValueKind.Object || DateTime.UtcNow > deadline)
            {
                Assert.True(trained.ValueKind == JsonValueKind.Object, $"no forecast model trained through {trainedThrough}: {models}");
                return trained;
            }

            await Task.Delay(500);
        }
    }
}
