using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Forecast.Application.Forecasts;
using Forecast.Application.Ingestion.AdStats;

namespace Forecast.Jobs.Training;

/// <summary>A SHA-256 over the rows a model learns from, in a fixed order: equal fingerprints mean equal training data.</summary>
internal static class DataFingerprint
{
    public static string Of(TenantHistory history) => Hash(
        history.Metrics
            .OrderBy(row => row.AdvertiserId, StringComparer.Ordinal).ThenBy(row => row.Scenario, StringComparer.Ordinal).ThenBy(row => row.Date)
            .Select(row => $"{row.AdvertiserId}|{row.Scenario}|{row.Date.DayNumber}|{row.Impressions}|{row.Clicks}|{row.Spend}|{row.Conversions}")
            .Append($"events:{history.Events.Count}"));

    public static string Of(IReadOnlyList<AdStatRow> rows) => Hash(
        rows.Select(row => string.Create(CultureInfo.InvariantCulture,
                $"{row.AdvertiserId}|{row.Scenario}|{row.BucketStart.UtcTicks}|{row.BucketMinutes}|{Context(row)}|{row.Impressions}|{row.Clicks}|{row.Conversions}|{row.Cost}"))
            .Order(StringComparer.Ordinal));

    private static string Context(AdStatRow row) =>
        string.Join(',', (row.Context ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));

    private static string Hash(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
