using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Ingestion;

[Collection(ApiCollection.Name)]
public sealed class ReplayTests(ForecastApp app)
{
    [Theory]
    [InlineData("daily-metrics", "advertiserId,scenario,date,impressions,clicks,spend\na1,app,2019-01-01,100,4,2.5\na2,site,2019-01-01,50,0,\n")]
    [InlineData("behaviour-events", "advertiserId,eventType,occurredAt,scenario,value\na1,budget_change,2019-01-01T08:00:00Z,app,250\na1,login,2019-01-01T09:00:00Z,,\n")]
    [InlineData("ad-stats", "advertiserId,scenario,bucketStart,bucketMinutes,impressions,clicks,creative\na1,app,2019-01-01T16:00:00Z,240,510,5,banner\na1,app,2019-01-01T16:00:00Z,240,90,1,video\n")]
    [InlineData("auction-outcomes", "auctionId,scenario,occurredAt,bid,won,marketPrice,advertiserId\nx1,app,2019-01-01T16:00:00Z,2.4,true,1.9,a1\nx2,site,2019-01-01T16:00:01Z,1.1,false,,\n")]
    public async Task Replaying_a_batch_changes_nothing(string kind, string csv)
    {
        var tenant = await app.NewTenantAsync();
        await tenant.PutAdvertisersAsync("a1", "a2");
        await tenant.PutScenariosAsync("app", "site");
        var table = kind.Replace('-', '_');
        var snapshot = $"SELECT * FROM {table} WHERE tenant_id = $1 ORDER BY 2, 3, 4, 5";

        var first = await (await tenant.PostCsvBatchAsync(kind, csv)).ReadJsonAsync(HttpStatusCode.OK);
        var before = await app.Database.RowsAsync(snapshot, tenant.Id);
        var replay = await (await tenant.PostCsvBatchAsync(kind, csv)).ReadJsonAsync(HttpStatusCode.OK);
        var after = await app.Database.RowsAsync(snapshot, tenant.Id);

        Assert.Equal(2, first.GetProperty("inserted").GetInt32());
        Assert.Equal(0, replay.GetProperty("inserted").GetInt32());
        Assert.Equal(0, replay.GetProperty("updated").GetInt32());
        Assert.Equal(2, replay.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, before.Count);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_changed_value_updates_only_its_row()
    {
        var tenant = await app.NewTenantAsync();
        await tenant.PutAdvertisersAsync("a1");
        await tenant.PutScenariosAsync("app");
        const string header = "advertiserId,scenario,date,impressions,clicks\n";
        await (await tenant.PostCsvBatchAsync("daily-metrics", header + "a1,app,2019-01-01,10,1\na1,app,2019-01-02,20,2\n"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var result = await (await tenant.PostCsvBatchAsync("daily-metrics", header + "a1,app,2019-01-01,10,1\na1,app,2019-01-02,25,2\n"))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.Equal(1, result.GetProperty("unchanged").GetInt32());
        Assert.Equal(35, await app.Database.CountAsync("SELECT sum(impressions) FROM daily_metrics WHERE tenant_id = $1", tenant.Id));
    }
}
