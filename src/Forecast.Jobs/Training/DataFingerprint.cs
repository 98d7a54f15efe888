using System.Security.Cryptography;
using System.Text;
using Forecast.Application.Forecasts;

namespace Forecast.Jobs.Training;

/// <summary>A SHA-256 over the rows a model learns from, in a fixed order: equal fingerprints mean equal training data.</summary>
internal static class DataFingerprint
{
    public static string Of(TenantHistory history)
    {
        var text = new StringBuilder();
        foreach (var row in history.Metrics.OrderBy(row => row.AdvertiserId, StringComparer.Ordinal).ThenBy(row => row.Scenario, StringComparer.Ordinal).ThenBy(row => row.Date))
        {
            text.Append(row.AdvertiserId).Append('|').Append(row.Scenario).Append('|').Append(row.Date.DayNumber).Append('|')
                .Append(row.Impressions).Append('|').Append(row.Clicks).Append('|').Append(row.Spend).Append('|').Append(row.Conversions).Append('\n');
        }

        text.Append("events:").Append(history.Events.Count);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
