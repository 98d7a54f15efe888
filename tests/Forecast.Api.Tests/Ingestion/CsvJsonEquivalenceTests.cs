using System.Net;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Ingestion;

[Collection(ApiCollection.Name)]
public sealed class CsvJsonEquivalenceTests(ForecastApp app)
{
    [Fact]
    public async Task Csv_and_json_batches_store_the_same_rows()
    {
        var viaCsv = await app.NewTenantWithA1InAppAsync();
        var viaJson = await app.NewTenantWithA1InAppAsync();

        await (await viaCsv.PostCsvBatchAsync("ad-stats",
                "advertiserId,scenario,bucketStart,bucketMinutes,impressions,clicks,cost,device\n"
                + "a1,app,2019-01-01T16:00:00+02:00,240,510,5,1.25,ios\n"
                + "a1,app,2019-01-01T20:00:00Z,240,90,0,,\n"))
            .ReadJsonAsync(HttpStatusCode.OK);
        await (await viaJson.PostJsonBatchAsync("ad-stats", new object[]
            {
                new { advertiserId = "a1", scenario = "app", bucketStart = "2019-01-01T14:00:00Z", bucketMinutes = 240, impressions = 510, clicks = 5, cost = 1.25, context = new { device = "ios" } },
                new { advertiserId = "a1", scenario = "app", bucketStart = "2019-01-01T20:00:00Z", bucketMinutes = 240, impressions = 90, clicks = 0 },
            }))
            .ReadJsonAsync(HttpStatusCode.OK);

        const string rows = """
            SELECT a.external_id, s.key, t.bucket_start, t.bucket_minutes, t.context, t.impressions, t.clicks, t.conversions, t.cost
            FROM ad_stats t JOIN advertisers a USING (tenant_id) JOIN scenarios s USING (tenant_id)
            WHERE t.tenant_id = $1 AND a.id = t.advertiser_id AND s.id = t.scenario_id ORDER BY t.bucket_start
            """;
        var csvRows = await app.Database.RowsAsync(rows, viaCsv.Id);
        Assert.Equal(2, csvRows.Count);
        Assert.Equal(csvRows, await app.Database.RowsAsync(rows, viaJson.Id));
    }
}
