using System.Text;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Ingestion.Csv;
using Forecast.Application.Ingestion.DailyMetrics;

namespace Forecast.Application.Tests;

public sealed class CsvBatchReaderTests
{
    [Fact]
    public async Task Reads_typed_rows_with_optional_columns()
    {
        var rows = await ReadAsync(new DailyMetricCsv(), "advertiserId,scenario,date,impressions,clicks,spend\n934,app,2019-01-15,100,3,1.5\n7,site,2019-01-16,20,0,\n");

        Assert.Equal(
            [new DailyMetricRow("934", "app", new DateOnly(2019, 1, 15), 100, 3, 1.5m), new DailyMetricRow("7", "site", new DateOnly(2019, 1, 16), 20, 0)],
            rows);
    }

    [Fact]
    public async Task Extra_columns_of_ad_stats_become_context_fields()
    {
        var rows = await ReadAsync(new AdStatCsv(), "advertiserId,scenario,bucketStart,bucketMinutes,impressions,clicks,creative,device\n934,app,2019-01-15T16:00:00Z,0,1,1,banner,ios\n");

        Assert.Equal(new Dictionary<string, string> { ["creative"] = "banner", ["device"] = "ios" }, rows[0].Context);
    }

    [Fact]
    public async Task Every_bad_field_is_named_by_row_and_column()
    {
        var error = await Assert.ThrowsAsync<Refusal>(() => ReadAsync(
            new DailyMetricCsv(), "advertiserId,scenario,date,impressions,clicks\n934,app,2019-13-01,1,1\n934,app,2019-01-02,many,\n"));

        Assert.Equal(RefusalKind.Invalid, error.Kind);
        Assert.Equal(["rows[0].date", "rows[1].impressions"], error.Errors.Keys.Order()); // an empty clicks cell: not tracked that day
    }

    [Fact]
    public async Task A_missing_required_column_is_reported_in_the_header()
    {
        var error = await Assert.ThrowsAsync<Refusal>(() => ReadAsync(new DailyMetricCsv(), "advertiserId,scenario,clicks\n934,app,1\n"));

        Assert.Contains("date", error.Message);
        Assert.True(error.Errors.ContainsKey("header"));
    }

    private static Task<IReadOnlyList<TRow>> ReadAsync<TRow>(ICsvRowMap<TRow> map, string csv) =>
        CsvBatchReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), map, CancellationToken.None);
}
