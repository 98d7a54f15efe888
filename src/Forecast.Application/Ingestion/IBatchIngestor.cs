namespace Forecast.Application.Ingestion;

/// <summary>
/// Writes one batch of fact rows as one transaction: every row is upserted on its natural key, or none is. Rows that
/// name an advertiser or scenario the tenant has not registered reject the batch (422): an auto-created advertiser would
/// hide a typo in an id, and reference data carries the profile and attributes the models need.
/// </summary>
public interface IBatchIngestor
{
    Task<IngestionResult> IngestAsync<TRow>(Guid tenantId, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
}
