using Forecast.Application.Forecasts;
using Microsoft.Extensions.Options;

namespace Forecast.Application.Ingestion.BehaviourEvents;

/// <summary>A batch of behaviour events for one tenant.</summary>
public sealed record IngestBehaviourEvents(Guid TenantId, IReadOnlyList<BehaviourEventRow> Rows)
    : IIngestionBatch<BehaviourEventRow>;

public sealed class IngestBehaviourEventsValidator(TimeProvider clock, IOptions<IngestionBounds> bounds) : BatchValidator<IngestBehaviourEvents, BehaviourEventRow>(clock, bounds)
{
    protected override void ValidateRow(BehaviourEventRow row, int index, RowErrors errors)
    {
        errors.RequireId(index, "advertiserId", row.AdvertiserId);
        errors.RequireId(index, "eventType", row.EventType);
        errors.RequireTime(index, "occurredAt", row.OccurredAt);
        if (row.Scenario is not null)
        {
            errors.RequireId(index, "scenario", row.Scenario);
        }

        if (row.Value is { } value && !double.IsFinite(value))
        {
            errors.Add(index, "value", "'value' must be a finite number.");
        }
        else if (Math.Abs(row.Value ?? 0) > errors.Bounds.MaxEventValue)
        {
            errors.Add(index, "value", $"'value' is {row.Value}, beyond the plausible ±{errors.Bounds.MaxEventValue:0} (Forecast:Ingestion bounds).");
        }
    }
}

public sealed class IngestBehaviourEventsHandler(IBatchIngestor ingestor, IForecastRefresher forecasts)
    : BatchIngestionHandler<IngestBehaviourEvents, BehaviourEventRow>(ingestor)
{
    /// <summary>Behaviour is a model input too: new events make the stored forecasts stale.</summary>
    protected override void Ingested(Guid tenantId, IngestionResult result)
    {
        if (result.Inserted + result.Updated > 0) forecasts.Refresh(tenantId);
    }
}
