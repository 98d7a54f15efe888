using System.Text.Json;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Ingestion;
using Forecast.Application.Ingestion.Csv;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Forecast.Api.Endpoints;

/// <summary>Reads an ingestion body as JSON (<c>{"rows": [...]}</c>) or CSV (<c>text/csv</c> with a header row).</summary>
internal sealed class BatchBodyReader(IOptions<JsonOptions> json)
{
    public const string Csv = "text/csv";

    public async Task<IReadOnlyList<TRow>> ReadAsync<TRow>(
        HttpRequest request, ICsvRowMap<TRow> csvMap, CancellationToken cancellationToken)
    {
        if (request.ContentLength > BatchLimits.MaxBytes)
        {
            throw Refusal.TooLarge($"A batch body holds at most {BatchLimits.MaxBytes / (1024 * 1024)} MiB.");
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        IReadOnlyList<TRow> rows = mediaType switch
        {
            Csv => await CsvBatchReader.ReadAsync(request.Body, csvMap, cancellationToken),
            "application/json" => (await JsonSerializer.DeserializeAsync<IngestionBatchBody<TRow>>(
                request.Body, json.Value.SerializerOptions, cancellationToken))?.Rows ?? [],
            _ => throw Refusal.UnsupportedMediaType(
                $"Send the batch as application/json ({{\"rows\": [...]}}) or as {Csv} with a header row."),
        };
        BatchLimits.EnsureRowCountAllowed(rows.Count);
        return rows;
    }
}
