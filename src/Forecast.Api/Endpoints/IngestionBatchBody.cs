namespace Forecast.Api.Endpoints;

/// <summary>A JSON ingestion batch: up to 100,000 rows, written all or nothing.</summary>
/// <param name="Rows">The rows of the batch.</param>
public sealed record IngestionBatchBody<TRow>(IReadOnlyList<TRow> Rows);
