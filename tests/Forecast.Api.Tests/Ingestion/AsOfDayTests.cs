using System.Globalization;
using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Ingestion;

/// <summary>A few stray rows on a later day do not move the tenant's as-of day; the day's real rows do.</summary>
[Collection(ApiCollection.Name)]
public sealed class AsOfDayTests(ForecastApp app)
{
    private static readonly string[] Advertisers = Enumerable.Range(1, 10).Select(index => $"a{index}").ToArray();

    /// <summary>tenant_days counts exactly the rows of daily_metrics, per day.</summary>
    private const string MiscountedDays = """
        SELECT count(*) FROM tenant_days d
        FULL JOIN (SELECT tenant_id, date, count(*) AS series FROM daily_metrics WHERE tenant_id = $1 GROUP BY tenant_id, date) m
            ON m.tenant_id = d.tenant_id AND m.date = d.date
        WHERE (d.tenant_id = $1 OR m.tenant_id = $1) AND d.series IS DISTINCT FROM m.series
        """;

    [Fact]
    public async Task A_stray_row_a_day_ahead_waits_until_its_day_is_reached_and_health_says_so()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();
        await tenant.PutAdvertisersAsync(Advertisers);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await IngestAsync(tenant, Advertisers, today.AddDays(-3), today.AddDays(-2), today.AddDays(-1));

        await IngestAsync(tenant, ["a1"], today.AddDays(1));
        var stray = (await HealthAsync(tenant)).GetProperty("data");
        Assert.Equal(Day(today.AddDays(-1)), stray.GetProperty("asOf").GetString());
        Assert.Equal(Day(today.AddDays(1)), stray.GetProperty("latest").GetString());
        Assert.Equal(1, stray.GetProperty("rowsAfterAsOf").GetInt64());
        Assert.Contains("wait until their day is reached", stray.GetProperty("asOfRule").GetString(), StringComparison.Ordinal);

        await IngestAsync(tenant, Advertisers[1..], today.AddDays(1));
        var reached = (await HealthAsync(tenant)).GetProperty("data");
        Assert.Equal(Day(today.AddDays(1)), reached.GetProperty("asOf").GetString());
        Assert.Equal(0, reached.GetProperty("rowsAfterAsOf").GetInt64());
        Assert.Equal(0, await app.Database.CountAsync(MiscountedDays, tenant.Id));
    }

    [Fact]
    public async Task Deleting_and_erasing_rows_keep_the_day_counts_exact_and_move_the_as_of_day_back()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();
        await tenant.PutAdvertisersAsync(Advertisers);
        await IngestAsync(tenant, Advertisers, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 2), new DateOnly(2019, 1, 3));
        await IngestAsync(tenant, Advertisers, new DateOnly(2019, 1, 3)); // the same rows again: updated, not counted twice

        foreach (var advertiser in Advertisers[..9])
        {
            await (await tenant.Http.DeleteAsync($"/v1/advertisers/{advertiser}/daily-metrics?from=2019-01-03&to=2019-01-03")).ReadJsonAsync(HttpStatusCode.OK);
        }

        var data = (await HealthAsync(tenant)).GetProperty("data");
        Assert.Equal("2019-01-02", data.GetProperty("asOf").GetString());
        Assert.Equal(1, data.GetProperty("rowsAfterAsOf").GetInt64());
        await (await tenant.Http.DeleteAsync("/v1/advertisers/a10")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2019-01-02", (await HealthAsync(tenant)).GetProperty("data").GetProperty("latest").GetString());
        Assert.Equal(0, await app.Database.CountAsync(MiscountedDays, tenant.Id));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<System.Text.Json.JsonElement> HealthAsync(TenantClient tenant) =>
        await (await tenant.Http.GetAsync("/v1/models/health")).ReadJsonAsync(HttpStatusCode.OK);

    private static async Task IngestAsync(TenantClient tenant, IEnumerable<string> advertisers, params DateOnly[] days)
    {
        var rows = advertisers.SelectMany(advertiser => days.Select(day =>
            (object)new { advertiserId = advertiser, scenario = "app", date = Day(day), impressions = 100, clicks = 2 })).ToArray();
        await (await tenant.PostJsonBatchAsync("daily-metrics", rows)).ReadJsonAsync(HttpStatusCode.OK);
    }
}
