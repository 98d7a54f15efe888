using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Ingestion;

[Collection(ApiCollection.Name)]
public sealed class OptionalChannelTests(ForecastApp app)
{
    [Fact]
    public async Task Channels_left_out_are_stored_as_not_tracked_and_a_tracked_zero_stays_zero()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var json = await tenant.PostJsonBatchAsync("daily-metrics", new object[]
        {
            new { advertiserId = "a1", scenario = "app", date = "2026-01-01", spend = 12.5 },
            new { advertiserId = "a1", scenario = "app", date = "2026-01-02", spend = 0, impressions = 0 },
        });
        var csv = await tenant.PostCsvBatchAsync("daily-metrics", "advertiserId,scenario,date,impressions,clicks,spend\na1,app,2026-01-03,,,7.25\na1,app,2026-01-04,300,4,\n");

        await json.ReadJsonAsync(HttpStatusCode.OK);
        await csv.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            ["2026-01-01|null|null|12.5000", "2026-01-02|0|null|0.0000", "2026-01-03|null|null|7.2500", "2026-01-04|300|4|null"],
            (await app.Database.RowsAsync(
                "SELECT to_char(date, 'YYYY-MM-DD'), impressions, clicks, spend FROM daily_metrics WHERE tenant_id = $1 ORDER BY date", tenant.Id)));
    }

    [Fact]
    public async Task A_row_that_tracks_no_channel_is_a_400_and_nothing_is_written()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var response = await tenant.PostJsonBatchAsync("daily-metrics", new object[]
        {
            new { advertiserId = "a1", scenario = "app", date = "2026-01-01", spend = 3 },
            new { advertiserId = "a1", scenario = "app", date = "2026-01-02" },
        });

        Assert.Equal(["rows[1].impressions"], (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM daily_metrics WHERE tenant_id = $1", tenant.Id));
    }
}
