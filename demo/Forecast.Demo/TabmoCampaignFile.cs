using System.Globalization;
using System.IO.Compression;
using CsvHelper;

namespace Forecast.Demo;

/// <summary>Reads the shipped TabMo adcampaign file (gzip CSV, data/tabmo-adcampaign/SOURCE.md) as it is.</summary>
internal static class TabmoCampaignFile
{
    public static async Task<IReadOnlyList<TabmoSlotRecord>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var records = new List<TabmoSlotRecord>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slot = csv.GetField<string>("time_slot")!;
            records.Add(new TabmoSlotRecord(
                csv.GetField<string>("campaign_id")!,
                DateOnly.ParseExact(csv.GetField<string>("date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                int.Parse(slot.AsSpan(0, slot.IndexOf('-')), CultureInfo.InvariantCulture),
                csv.GetField<string>("placement")!,
                csv.GetField<long>("impressions"),
                csv.GetField<long>("clicks")));
        }

        return records;
    }
}
