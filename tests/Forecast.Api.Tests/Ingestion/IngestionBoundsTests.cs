using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Ingestion;

/// <summary>No row can poison a tenant: dates outside the floor and the server's today + 1, and magnitudes no advertiser reaches, are refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class IngestionBoundsTests(ForecastApp app)
{
    [Fact]
    public async Task A_row_dated_2999_or_before_the_floor_is_a_400_naming_its_date_and_nothing_is_written()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

        var future = await tenant.PostJsonBatchAsync("daily-metrics", new object[]
        {
            new { advertiserId = "a1", scenario = "app", date = tomorrow, impressions = 10, clicks = 1 },
            new { advertiserId = "a1", scenario = "app", date = "2999-04-23", impressions = 10, clicks = 1 },
            new { advertiserId = "a1", scenario = "app", date = "1999-12-31", impressions = 10, clicks = 1 },
        });
        var events = await tenant.PostJsonBatchAsync("behaviour-events", new object[]
        {
            new { advertiserId = "a1", eventType = "login", occurredAt = "2999-01-01T08:00:00Z" },
        });
        var stats = await tenant.PostJsonBatchAsync("ad-stats", new object[]
        {
            new { advertiserId = "a1", scenario = "app", bucketStart = "2999-01-01T08:00:00Z", bucketMinutes = 60, impressions = 10, clicks = 1 },
        });

        Assert.Equal(["rows[1].date", "rows[2].date"], (await future.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["rows[0].occurredAt"], (await events.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["rows[0].bucketStart"], (await stats.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM daily_metrics WHERE tenant_id = $1", tenant.Id));
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM behaviour_events WHERE tenant_id = $1", tenant.Id));
    }

    [Fact]
    public async Task Magnitudes_beyond_the_plausibility_bounds_are_a_400_naming_the_channel()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var response = await tenant.PostJsonBatchAsync("daily-metrics", new object[]
        {
            new { advertiserId = "a1", scenario = "app", date = "2019-01-01", impressions = 9_000_000_000_000_000, clicks = 1 },
            new { advertiserId = "a1", scenario = "app", date = "2019-01-02", spend = 1e12 },
            new { advertiserId = "a1", scenario = "app", date = "2019-01-03", impressions = 99_000_000_000, clicks = 9_000_000_000, spend = 9e9 },
        });

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["rows[0].impressions", "rows[1].spend"], problem.ErrorFields());
        Assert.Contains("Forecast:Ingestion", problem.GetProperty("errors").GetProperty("rows[0].impressions")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM daily_metrics WHERE tenant_id = $1", tenant.Id));
    }
}
