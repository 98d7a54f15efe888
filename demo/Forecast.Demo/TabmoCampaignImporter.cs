using Forecast.Application.Advertisers.UpsertAdvertiser;
using Forecast.Application.Ingestion;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Application.Scenarios.UpsertScenario;
using Mediator;

namespace Forecast.Demo;

/// <summary>
/// Loads the real TabMo campaign logs into a tenant through the same commands the API sends (no second write path).
/// Importing twice changes nothing.
/// </summary>
public sealed class TabmoCampaignImporter(IMediator mediator)
{
    private const int BatchRows = 20_000;

    public async Task<DemoImportSummary> ImportAsync(Guid tenantId, string path, CancellationToken cancellationToken)
    {
        var demo = await TabmoCampaignMapping.ReadAsync(path, cancellationToken);
        foreach (var (key, (name, attributes)) in demo.Scenarios)
        {
            await mediator.Send(new UpsertScenario(tenantId, key, name, attributes), cancellationToken);
        }

        foreach (var (id, (name, profile)) in demo.Advertisers)
        {
            await mediator.Send(new UpsertAdvertiser(tenantId, id, name, profile), cancellationToken);
        }

        return new DemoImportSummary(
            demo.SourceRows,
            demo.Scenarios.Count,
            demo.Advertisers.Count,
            await SendInBatchesAsync(demo.DailyMetrics, rows => new IngestDailyMetrics(tenantId, rows), cancellationToken),
            await SendInBatchesAsync(demo.BehaviourEvents, rows => new IngestBehaviourEvents(tenantId, rows), cancellationToken),
            await SendInBatchesAsync(demo.AdStats, rows => new IngestAdStats(tenantId, rows), cancellationToken));
    }

    private async Task<IngestionResult> SendInBatchesAsync<TRow>(
        IReadOnlyList<TRow> rows, Func<IReadOnlyList<TRow>, IIngestionBatch<TRow>> batchOf, CancellationToken cancellationToken)
    {
        var total = new IngestionResult(0, 0, 0, 0);
        foreach (var chunk in rows.Chunk(BatchRows))
        {
            var result = await mediator.Send(batchOf(chunk), cancellationToken);
            total = new IngestionResult(
                total.Received + result.Received,
                total.Inserted + result.Inserted,
                total.Updated + result.Updated,
                total.Unchanged + result.Unchanged);
        }

        return total;
    }
}
