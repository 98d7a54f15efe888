namespace Forecast.Application.Ingestion;

/// <summary>What a batch did: replaying a batch reports every row as unchanged.</summary>
/// <param name="Received">Rows in the batch.</param>
/// <param name="Inserted">Rows that were new.</param>
/// <param name="Updated">Rows that replaced different values.</param>
/// <param name="Unchanged">Rows already stored with the same values.</param>
public sealed record IngestionResult(int Received, int Inserted, int Updated, int Unchanged);
