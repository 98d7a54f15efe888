using Mediator;

namespace Forecast.Application.Ingestion;

/// <summary>A command that carries one batch of fact rows of one kind for one tenant.</summary>
public interface IIngestionBatch<TRow> : ICommand<IngestionResult>
{
    Guid TenantId { get; }

    IReadOnlyList<TRow> Rows { get; }
}
