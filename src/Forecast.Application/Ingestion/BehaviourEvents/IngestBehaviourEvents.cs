using Forecast.Application.Forecasts;
using Microsoft.Extensions.Options;

namespace Forecast.Application.Ingestion.BehaviourEvents;

/// <summary>Something an advertiser did; the key is (advertiserId, eventType, occurredAt, scenario).</summary>
/// <param name="AdvertiserId">The tenant's advertiser id. <example>934</example></param>
/// <param name="EventType">What happened: login, budget_change, bid_change, campaign_create, campaign_pause, recharge, ... <example>budget_change</example></param>
/// <param name="OccurredAt">When it happened (ISO 8601 with offset). <example>2019-01-15T08:30:00Z</example></param>
/// <param name="Scenario">Scenario key when the event belongs to one scenario. <example>app</example></param>
/// <param name="Value">A number that goes with the event (new budget, recharge amount, share...). <example>250</example></param>
public sealed record BehaviourEventRow(
    string AdvertiserId,
    string EventType,
    DateTimeOffset OccurredAt,
    string? Scenario = null,
    double? Value = null);

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
