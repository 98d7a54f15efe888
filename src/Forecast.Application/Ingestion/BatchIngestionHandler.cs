using Mediator;

namespace Forecast.Application.Ingestion;

/// <summary>The one way every kind of fact batch is written.</summary>
public abstract class BatchIngestionHandler<TBatch, TRow>(IBatchIngestor ingestor) : ICommandHandler<TBatch, IngestionResult>
    where TBatch : IIngestionBatch<TRow>
{
    public async ValueTask<IngestionResult> Handle(TBatch command, CancellationToken cancellationToken)
    {
        BatchLimits.EnsureRowCountAllowed(command.Rows.Count);
        return await ingestor.IngestAsync(command.TenantId, command.Rows, cancellationToken);
    }
}
