using System.IO.Compression;
using Forecast.Api.Tests.Support;
using Forecast.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Tests.DemoData;

[Collection(ApiCollection.Name)]
public sealed class DemoImportTests(ForecastApp app)
{
    [Fact]
    public async Task The_demo_import_loads_the_counts_of_the_source_file_and_a_second_import_changes_nothing()
    {
        var tenant = await app.NewTenantAsync("Demo");
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<TabmoCampaignImporter>();
        var path = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.DataPath;
        var source = await SourceFacts.ReadAsync(path);

        var first = await importer.ImportAsync(tenant.Id, path, CancellationToken.None);
        var second = await importer.ImportAsync(tenant.Id, path, CancellationToken.None);

        Assert.Equal(25_223, source.Rows);
        Assert.Equal(source.Rows, first.SourceRows);
        Assert.Equal(source.Campaigns, await Count("SELECT count(*) FROM advertisers WHERE tenant_id = $1"));
        Assert.Equal(2, await Count("SELECT count(*) FROM scenarios WHERE tenant_id = $1"));
        Assert.Equal(source.CampaignPlacementDays, await Count("SELECT count(*) FROM daily_metrics WHERE tenant_id = $1"));
        Assert.Equal(source.Slots, await Count("SELECT count(*) FROM ad_stats WHERE tenant_id = $1"));
        Assert.Equal(source.Impressions, await Count("SELECT sum(impressions) FROM daily_metrics WHERE tenant_id = $1"));
        Assert.Equal(source.Clicks, await Count("SELECT sum(clicks) FROM daily_metrics WHERE tenant_id = $1"));
        Assert.Equal(source.Impressions, await Count("SELECT sum(impressions) FROM ad_stats WHERE tenant_id = $1"));
        Assert.Equal(0, await Count("SELECT count(*) FROM daily_metrics WHERE tenant_id = $1 AND spend IS NOT NULL"));
        Assert.Equal(first.BehaviourEvents.Inserted, await Count("SELECT count(*) FROM behaviour_events WHERE tenant_id = $1"));
        Assert.Equal(0, second.DailyMetrics.Inserted + second.DailyMetrics.Updated);
        Assert.Equal(0, second.AdStats.Inserted + second.AdStats.Updated);
        Assert.Equal(0, second.BehaviourEvents.Inserted + second.BehaviourEvents.Updated);

        Task<long> Count(string sql) => app.Database.CountAsync(sql, tenant.Id);
    }

    /// <summary>Facts computed straight from the gzip CSV, independently of the importer.</summary>
    private sealed record SourceFacts(int Rows, int Campaigns, int CampaignPlacementDays, int Slots, long Impressions, long Clicks)
    {
        public static async Task<SourceFacts> ReadAsync(string path)
        {
            await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            var header = (await reader.ReadLineAsync())!.Split(',');
            var lines = new List<string[]>();
            while (await reader.ReadLineAsync() is { } line)
            {
                lines.Add(line.Split(','));
            }

            string Field(string[] row, string name) => row[Array.IndexOf(header, name)];
            return new SourceFacts(
                lines.Count,
                lines.Select(row => Field(row, "campaign_id")).Distinct().Count(),
                lines.Select(row => (Field(row, "campaign_id"), Field(row, "placement"), Field(row, "date"))).Distinct().Count(),
                lines.Select(row => (Field(row, "campaign_id"), Field(row, "placement"), Field(row, "date"), Field(row, "time_slot"))).Distinct().Count(),
                lines.Sum(row => long.Parse(Field(row, "impressions"))),
                lines.Sum(row => long.Parse(Field(row, "clicks"))));
        }
    }
}
