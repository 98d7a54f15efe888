using System.Net;
using System.Net.Http.Json;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Ingestion;

[Collection(ApiCollection.Name)]
public sealed class IngestionValidationTests(ForecastApp app)
{
    private const string MetricsOfTenant = "SELECT count(*) FROM daily_metrics WHERE tenant_id = $1";

    [Fact]
    public async Task A_bad_row_rejects_the_whole_batch_naming_row_and_field()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var response = await tenant.PostJsonBatchAsync("daily-metrics", new object[]
        {
            new { advertiserId = "a1", scenario = "app", date = "2019-01-01", impressions = 10, clicks = 1 },
            new { advertiserId = "a1", scenario = "app", date = "2019-01-02", impressions = -3, clicks = 0 },
        });

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["rows[1].impressions"], problem.ErrorFields());
        Assert.Equal(0, await app.Database.CountAsync(MetricsOfTenant, tenant.Id));
    }

    [Fact]
    public async Task A_nul_character_in_any_string_is_a_400_naming_the_field_and_nothing_is_written()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var metrics = await tenant.PostJsonBatchAsync("daily-metrics", new object[]
        {
            new { advertiserId = "a1", scenario = "app", date = "2019-01-01", impressions = 10, clicks = 1 },
            new { advertiserId = "a\u00001", scenario = "app", date = "2019-01-02", impressions = 10, clicks = 1 },
        });
        var events = await tenant.PostJsonBatchAsync("behaviour-events", new object[]
        {
            new { advertiserId = "a1", eventType = "login", occurredAt = "2019-01-01T08:00:00Z", scenario = "ap\u0000p" },
        });
        var scenario = await tenant.Http.PutAsJsonAsync("/v1/scenarios/web", new { name = "W\u0000eb", attributes = new Dictionary<string, string> { ["channel"] = "display" } });
        var forecast = await tenant.Http.GetAsync("/v1/advertisers/a1/forecasts?scenario=ap%00p");

        Assert.Equal(["rows[1].advertiserId"], (await metrics.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["rows[0].scenario"], (await events.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["name"], (await scenario.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["scenario"], (await forecast.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(0, await app.Database.CountAsync(MetricsOfTenant, tenant.Id));
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM scenarios WHERE tenant_id = $1 AND key = 'web'", tenant.Id));
    }

    [Fact]
    public async Task A_misspelt_field_is_named_and_nothing_is_written()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var response = await tenant.PostJsonBatchAsync("daily-metrics", new object[]
        {
            new { advertiserId = "a1", scenario = "app", date = "2019-01-01", impresions = 10, clicks = 1 },
        });

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("rows[0].impresions", problem.ErrorFields());
        Assert.Equal(0, await app.Database.CountAsync(MetricsOfTenant, tenant.Id));
    }

    [Fact]
    public async Task Unknown_advertisers_and_scenarios_are_422_and_nothing_is_written()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var response = await tenant.PostCsvBatchAsync(
            "daily-metrics", "advertiserId,scenario,date,impressions,clicks\na1,app,2019-01-01,5,1\nghost,app,2019-01-01,5,1\na1,search,2019-01-01,5,1\n");

        var problem = await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["rows[1].advertiserId", "rows[2].scenario"], problem.ErrorFields().Order());
        Assert.Equal(0, await app.Database.CountAsync(MetricsOfTenant, tenant.Id));
    }

    [Fact]
    public async Task Two_rows_with_the_same_key_reject_the_batch()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var response = await tenant.PostCsvBatchAsync(
            "daily-metrics", "advertiserId,scenario,date,impressions,clicks\na1,app,2019-01-01,5,1\na1,app,2019-01-02,5,1\na1,app,2019-01-01,6,1\n");

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["rows[2]"], problem.ErrorFields());
        Assert.Equal(0, await app.Database.CountAsync(MetricsOfTenant, tenant.Id));
    }

    [Fact]
    public async Task A_batch_over_the_row_limit_is_413()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();
        var csv = new System.Text.StringBuilder("advertiserId,scenario,date,impressions,clicks\n");
        var day = new DateOnly(1800, 1, 1);
        for (var row = 0; row <= 100_000; row++)
        {
            csv.Append("a1,app,").Append(day.AddDays(row).ToString("yyyy-MM-dd")).Append(",1,0\n");
        }

        var response = await tenant.PostCsvBatchAsync("daily-metrics", csv.ToString());

        await response.ReadJsonAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await app.Database.CountAsync(MetricsOfTenant, tenant.Id));
    }

    [Fact]
    public async Task An_unsupported_content_type_is_415()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var response = await tenant.Http.PostAsync(
            "/v1/ingest/daily-metrics", new StringContent("<rows/>", System.Text.Encoding.UTF8, "application/xml"));

        await response.ReadJsonAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_invalid_advertiser_upsert_names_the_field_and_writes_nothing()
    {
        var tenant = await app.NewTenantAsync();

        var response = await tenant.Http.PutAsync(
            "/v1/advertisers/a1",
            new StringContent("""{"name": "x", "profile": {"tier": null}}""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorFields());
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM advertisers WHERE tenant_id = $1", tenant.Id));
    }
}
