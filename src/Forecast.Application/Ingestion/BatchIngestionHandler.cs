using Mediator;

namespace Forecast.Application.Ingestion;

/// <summary>The one way every kind of fact batch is written.</summary>
public abstract class BatchIngestionHandler<TBatch, TRow>(IBatchIngestor ingestor) : ICommandHandler<TBatch, IngestionResult>
    where TBatch : IIngestionBatch<TRow>
{
    public async ValueTask<IngestionResult> Handle(TBatch command, CancellationToken cancellationToken)
    {
        BatchLimits.EnsureRowCountAllowed(command.Rows.Count);
        var result = await ingestor.IngestAsync(command.TenantId, command.Rows, cancellationToken);
        Ingested(command.TenantId, result);
        return result;
    }

    /// <summary>After a batch is committed: what was derived from the tenant's facts may be stale.</summary>
    protected virtual void Ingested(Guid tenantId, IngestionResult result)
    {
    }
}
