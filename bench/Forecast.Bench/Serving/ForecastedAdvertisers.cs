using System.Net.Http.Json;
using System.Text.Json;

namespace Forecast.Bench.Serving;

/// <summary>The tenant's advertisers that have a forecast (at least one scenario), with it, through the public API.</summary>
internal static class ForecastedAdvertisers
{
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var ids = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/v1/advertisers?limit=500{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}", cancellationToken);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var query = await (await client.PostAsJsonAsync("/v1/forecasts/query", new { advertiserIds = ids }, cancellationToken))
            .Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return query.GetProperty("forecasts").EnumerateArray().Where(forecast => forecast.GetProperty("scenarios").GetArrayLength() > 0).ToList();
    }

    /// <summary>Each advertiser's path under <paramref name="prefix"/> and before <paramref name="suffix"/>.</summary>
    public static IReadOnlyList<string> Paths(IEnumerable<JsonElement> forecasts, string prefix, string suffix = "") =>
        Paths(forecasts.Select(forecast => forecast.GetProperty("advertiserId").GetString()!), prefix, suffix);

    /// <inheritdoc cref="Paths(IEnumerable{JsonElement}, string, string)"/>
    public static IReadOnlyList<string> Paths(IEnumerable<string> advertiserIds, string prefix, string suffix = "") =>
        advertiserIds.Select(id => $"{prefix}{Uri.EscapeDataString(id)}{suffix}").ToList();
}
