using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Application.Ingestion;

namespace Forecast.Bench.Ingestion;

/// <summary>Rows posted to an ingestion endpoint as JSON batches, one after another; any batch not stored whole fails the run.</summary>
internal static class HttpBatches
{
    public const int BatchRows = 50_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>Seconds from the first request to the last answer; bodies are serialized before the clock starts (the figure is the service's, not the client's).</returns>
    public static async Task<double> SendAsync<TRow>(HttpClient tenant, string kind, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        var bodies = rows.Chunk(BatchRows).Select(chunk => JsonSerializer.SerializeToUtf8Bytes(new { rows = chunk }, Json)).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await tenant.PostAsync($"/v1/ingest/{kind}", content, cancellationToken);
            var result = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<IngestionResult>(Json, cancellationToken) : null;
            if (result is null || result.Inserted + result.Updated + result.Unchanged != result.Received)
            {
                throw new InvalidOperationException($"batch failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        return clock.Elapsed.TotalSeconds;
    }
}
