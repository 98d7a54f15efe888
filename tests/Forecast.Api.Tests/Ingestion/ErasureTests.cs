using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Ingestion;

/// <summary>Every row can be corrected and every advertiser erased: audited, idempotent, tenant-isolated, all or nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErasureTests(ForecastApp app)
{
    private const string MetricsOf = """
        SELECT count(*) FROM daily_metrics m JOIN advertisers a ON a.tenant_id = m.tenant_id AND a.id = m.advertiser_id
        WHERE m.tenant_id = $1 AND a.external_id = $2
        """;

    [Fact]
    public async Task Rows_in_a_date_range_are_deleted_once_then_nothing_and_only_the_tenants_own()
    {
        var tenant = await LoadAsync();
        var other = await app.NewTenantWithA1InAppAsync();

        var first = await (await tenant.Http.DeleteAsync("/v1/advertisers/a1/daily-metrics?from=2019-01-02&to=2019-01-03")).ReadJsonAsync(HttpStatusCode.OK);
        var again = await (await tenant.Http.DeleteAsync("/v1/advertisers/a1/daily-metrics?from=2019-01-02&to=2019-01-03")).ReadJsonAsync(HttpStatusCode.OK);
        var events = await (await tenant.Http.DeleteAsync("/v1/advertisers/a1/behaviour-events?from=2019-01-01&to=2019-01-01")).ReadJsonAsync(HttpStatusCode.OK);
        await (await other.Http.DeleteAsync("/v1/advertisers/a2/daily-metrics?from=2019-01-01&to=2019-01-31")).ReadJsonAsync(HttpStatusCode.NotFound);
        await (await tenant.Http.DeleteAsync("/v1/advertisers/a2/daily-metrics?from=2019-01-01&to=2019-01-31&scenario=web")).ReadJsonAsync(HttpStatusCode.NotFound);

        Assert.Equal(2, first.GetProperty("deleted").GetInt64());
        Assert.Equal(0, again.GetProperty("deleted").GetInt64());
        Assert.Equal(1, events.GetProperty("deleted").GetInt64());
        Assert.Equal(1, await app.Database.CountAsync(MetricsOf, tenant.Id, "a1"));
        Assert.Equal(3, await app.Database.CountAsync(MetricsOf, tenant.Id, "a2"));
        Assert.Equal(1, await app.Database.CountAsync("SELECT count(*) FROM audit_events WHERE tenant_id = $1 AND action = 'advertiser.rows_deleted' AND subject LIKE '2 daily_metrics%'", tenant.Id));
    }

    [Fact]
    public async Task Erasing_an_advertiser_removes_it_and_every_row_that_names_it_and_again_erases_nothing()
    {
        var tenant = await LoadAsync();

        var erased = await (await tenant.Http.DeleteAsync("/v1/advertisers/a1")).ReadJsonAsync(HttpStatusCode.OK);
        var again = await (await tenant.Http.DeleteAsync("/v1/advertisers/a1")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, erased.GetProperty("dailyMetrics").GetInt64());
        Assert.Equal(1, erased.GetProperty("behaviourEvents").GetInt64());
        Assert.Equal(0, again.GetProperty("dailyMetrics").GetInt64());
        await (await tenant.Http.GetAsync("/v1/advertisers/a1")).ReadJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.Database.CountAsync(MetricsOf, tenant.Id, "a1"));
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM behaviour_events WHERE tenant_id = $1", tenant.Id));
        Assert.Equal(3, await app.Database.CountAsync(MetricsOf, tenant.Id, "a2"));
        Assert.Equal(1, await app.Database.CountAsync("SELECT count(*) FROM audit_events WHERE tenant_id = $1 AND action = 'advertiser.erased'", tenant.Id));
    }

    [Fact]
    public async Task A_range_without_dates_or_backwards_is_a_400_naming_the_field_and_nothing_is_deleted()
    {
        var tenant = await LoadAsync();

        var missing = await (await tenant.Http.DeleteAsync("/v1/advertisers/a1/daily-metrics?to=2019-01-03")).ReadJsonAsync(HttpStatusCode.BadRequest);
        var backwards = await (await tenant.Http.DeleteAsync("/v1/advertisers/a1/daily-metrics?from=2019-01-03&to=2019-01-01")).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["from"], missing.ErrorFields());
        Assert.Equal(["to"], backwards.ErrorFields());
        Assert.Equal(3, await app.Database.CountAsync(MetricsOf, tenant.Id, "a1"));
    }

    /// <summary>a1 and a2 in app, three days each, and one behaviour event of a1.</summary>
    private async Task<TenantClient> LoadAsync()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();
        await tenant.PutAdvertisersAsync("a2");
        var rows = new[] { "a1", "a2" }.SelectMany(advertiser => Enumerable.Range(1, 3).Select(day =>
            (object)new { advertiserId = advertiser, scenario = "app", date = $"2019-01-0{day}", impressions = 100 * day, clicks = day })).ToArray();
        await (await tenant.PostJsonBatchAsync("daily-metrics", rows)).ReadJsonAsync(HttpStatusCode.OK);
        await (await tenant.PostJsonBatchAsync("behaviour-events", new object[]
        {
            new { advertiserId = "a1", eventType = "login", occurredAt = "2019-01-01T08:00:00Z" },
        })).ReadJsonAsync(HttpStatusCode.OK);
        return tenant;
    }
}
