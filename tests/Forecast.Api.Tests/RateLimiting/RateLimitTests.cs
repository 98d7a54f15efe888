using System.Net;
using Forecast.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Forecast.Api.Tests.RateLimiting;

public sealed class RateLimitedApp : ForecastApp
{
    public const int RequestBurst = 5;
    public const int IngestionBurst = 2;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        // One token a period, refilled slower than a test runs: the bursts are what the tests spend.
        builder.UseSetting("Forecast:RateLimits:RequestsPerSecond", "1");
        builder.UseSetting("Forecast:RateLimits:RequestBurst", RequestBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Forecast:RateLimits:IngestionBatchesPerMinute", "1");
        builder.UseSetting("Forecast:RateLimits:IngestionBurst", IngestionBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Forecast:RateLimits:TrainingsPerHour", "1");
        builder.UseSetting("Forecast:RateLimits:TrainingBurst", "1");
        builder.UseSetting("Forecast:Jobs:RunServer", "false"); // what is queued is not what these tests check
    }
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_key_past_its_burst_gets_429_problem_details_with_retry_after_while_other_keys_are_served()
    {
        // The default policy needs no request of the key, so the whole burst is the loop's below.
        var hasty = await app.NewTenantAsync(retraining: "new-data");
        var other = await app.NewTenantAsync(retraining: "new-data");
        for (var request = 0; request < RateLimitedApp.RequestBurst; request++)
        {
            await (await hasty.Http.GetAsync("/v1/scenarios")).ReadJsonAsync(HttpStatusCode.OK);
        }

        var refused = await hasty.Http.GetAsync("/v1/scenarios");
        var problem = await refused.ReadJsonAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("requests", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");

        await (await other.Http.GetAsync("/v1/scenarios")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ingestion_has_its_own_allowance_and_a_refused_batch_writes_nothing()
    {
        var tenant = await app.NewTenantAsync();
        await tenant.PutAdvertisersAsync("a1");
        await tenant.PutScenariosAsync("app");
        const string header = "advertiserId,scenario,date,impressions,clicks\n";
        for (var batch = 0; batch < RateLimitedApp.IngestionBurst; batch++)
        {
            await (await tenant.PostCsvBatchAsync("daily-metrics", header + $"a1,app,2019-01-0{batch + 1},10,1\n")).ReadJsonAsync(HttpStatusCode.OK);
        }

        var refused = await tenant.PostCsvBatchAsync("daily-metrics", header + "a1,app,2019-01-09,10,1\n");
        await refused.ReadJsonAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(RateLimitedApp.IngestionBurst, await app.Database.CountAsync("SELECT count(*) FROM daily_metrics WHERE tenant_id = $1", tenant.Id));
        // Reads are another allowance: the key still reads its data.
        await (await tenant.Http.GetAsync("/v1/advertisers/a1")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Training_requests_past_their_allowance_are_refused_before_anything_is_queued()
    {
        var tenant = await app.NewTenantAsync();
        await (await tenant.Http.PostAsync("/v1/models/ctr/train", null)).ReadJsonAsync(HttpStatusCode.Accepted);
        var refused = await tenant.Http.PostAsync("/v1/models/forecast/train", null);
        var problem = await refused.ReadJsonAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("training", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(1), $"Retry-After: {refused.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_refused_as_unauthorized_not_counted()
    {
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "fk_not-a-key");
        for (var request = 0; request < RateLimitedApp.RequestBurst * 2; request++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/scenarios")).StatusCode);
        }
    }
}
