using System.Net;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Forecasts;

/// <summary>
/// Tenants that do not send every channel: a billing feed (spend only) and a tenant whose advertisers come from two
/// feeds (spend for some, exposure for others). The rows are a small fixture written here: these tests check the
/// mechanics (what is trained, forecast and left out), not accuracy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SpendTenantTests(ForecastApp app)
{
    private static readonly DateOnly FirstDay = new(2026, 1, 1);
    private const int Days = 84;

    [Fact]
    public async Task A_spend_only_tenant_gets_spend_active_days_and_churn_forecasts()
    {
        var tenant = await app.NewTenantAsync("Billing feed");
        var advertisers = Enumerable.Range(1, 24).Select(index => $"s{index}").ToArray();
        await IngestAsync(tenant, advertisers, spend: true, exposure: false);

        var model = await TrainAsync(tenant);

        var untrained = model.GetProperty("metrics").GetProperty("validationSmape").EnumerateObject().Select(task => task.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "spend", "active_days" }, untrained);
        var forecast = await ForecastAsync(tenant, "s2");
        Assert.Equal(new HashSet<string> { "impressions", "clicks" }, forecast.GetProperty("notForecast").EnumerateObject().Select(task => task.Name).ToHashSet());
        var scenario = forecast.GetProperty("scenarios")[0];
        Assert.Equal(new HashSet<string> { "spend", "active_days" }, scenario.GetProperty("tasks").EnumerateObject().Select(task => task.Name).ToHashSet());
        Assert.True(scenario.GetProperty("tasks").GetProperty("spend").GetProperty("rate").GetDouble() > 0);
        Assert.InRange(scenario.GetProperty("churnProbability").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task In_a_mixed_tenant_each_advertiser_is_forecast_in_the_channels_it_sends()
    {
        var tenant = await app.NewTenantAsync("Two feeds");
        var billed = Enumerable.Range(1, 12).Select(index => $"s{index}").ToArray();
        var served = Enumerable.Range(1, 12).Select(index => $"e{index}").ToArray();
        await IngestAsync(tenant, billed, spend: true, exposure: false);
        await IngestAsync(tenant, served, spend: false, exposure: true);

        await TrainAsync(tenant);

        var billedTasks = (await ForecastAsync(tenant, "s2")).GetProperty("scenarios")[0].GetProperty("tasks");
        var servedTasks = (await ForecastAsync(tenant, "e2")).GetProperty("scenarios")[0].GetProperty("tasks");
        Assert.Equal(new HashSet<string> { "spend", "active_days" }, billedTasks.EnumerateObject().Select(task => task.Name).ToHashSet());
        Assert.Equal(new HashSet<string> { "impressions", "clicks", "active_days" }, servedTasks.EnumerateObject().Select(task => task.Name).ToHashSet());
    }

    /// <summary>
    /// Twelve weeks of deterministic daily rows: a level per advertiser from cents to thousands, a weekly pattern, and
    /// every fourth advertiser stopping three weeks before the end (churn to learn from).
    /// </summary>
    private static async Task IngestAsync(TenantClient tenant, IReadOnlyList<string> advertisers, bool spend, bool exposure)
    {
        await tenant.PutScenariosAsync("feed");
        await tenant.PutAdvertisersAsync([.. advertisers]);
        var rows = new List<object>();
        foreach (var (advertiser, index) in advertisers.Select((advertiser, index) => (advertiser, index)))
        {
            var level = 0.5 * Math.Pow(2.2, index % 9);
            var lastDay = index % 4 == 0 ? Days - 22 : Days - 1;
            for (var day = index % 5; day <= lastDay; day++)
            {
                var date = FirstDay.AddDays(day);
                var daily = level * (1 + (0.4 * Math.Sin(2 * Math.PI * (int)date.DayOfWeek / 7))) * (1 + (0.1 * Math.Cos(day * (index + 1))));
                var impressions = (long)Math.Round(daily * 40);
                rows.Add(spend && exposure
                    ? new { advertiserId = advertiser, scenario = "feed", date, spend = Math.Round(daily, 2), impressions, clicks = impressions / 50 }
                    : spend
                        ? new { advertiserId = advertiser, scenario = "feed", date, spend = Math.Round(daily, 2) }
                        : new { advertiserId = advertiser, scenario = "feed", date, impressions, clicks = impressions / 50 });
            }
        }

        await (await tenant.PostJsonBatchAsync("daily-metrics", rows)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task<JsonElement> TrainAsync(TenantClient tenant)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainForecastModelJob>().RunAsync(tenant.Id, null, CancellationToken.None);
        }

        var model = (await (await tenant.Http.GetAsync("/v1/models")).ReadJsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal("Champion", model.GetProperty("status").GetString());
        return model;
    }

    private static async Task<JsonElement> ForecastAsync(TenantClient tenant, string advertiser) =>
        await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
}
