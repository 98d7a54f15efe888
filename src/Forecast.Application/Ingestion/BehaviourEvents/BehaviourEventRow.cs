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
