using System.Globalization;
using System.IO.Compression;
using Forecast.Application.Ingestion.DailyMetrics;

namespace Forecast.Bench.Ingestion;

/// <summary>
/// The real TabMo rows summed per campaign, placement and day (2,173 rows), replayed under new advertiser ids
/// ("934-r17") until the volume is reached: real values and key shapes, more advertisers.
/// </summary>
internal static class RealDailyMetrics
{
    public static async Task<IReadOnlyList<DailyMetricRow>> ReplicateAsync(int minimumRows)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "adcampaign_slots.csv.gz");
        await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = (await reader.ReadLineAsync())!.Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var days = new Dictionary<(string Campaign, string Placement, string Date), (long Impressions, long Clicks)>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var field = line.Split(',');
            var key = (field[Column("campaign_id")], field[Column("placement")], field[Column("date")]);
            var sum = days.GetValueOrDefault(key);
            days[key] = (sum.Impressions + long.Parse(field[Column("impressions")], CultureInfo.InvariantCulture),
                sum.Clicks + long.Parse(field[Column("clicks")], CultureInfo.InvariantCulture));
        }

        var replicas = (minimumRows + days.Count - 1) / days.Count;
        return Enumerable.Range(0, replicas)
            .SelectMany(replica => days.Select(day => new DailyMetricRow(
                $"{day.Key.Campaign}-r{replica}",
                day.Key.Placement,
                DateOnly.ParseExact(day.Key.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                day.Value.Impressions,
                day.Value.Clicks)))
            .ToList();
    }
}
