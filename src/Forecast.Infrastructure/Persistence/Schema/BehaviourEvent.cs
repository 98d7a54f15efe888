namespace Forecast.Infrastructure.Persistence.Schema;

/// <summary>
/// Something an advertiser did (login, budget or bid change, campaign created or paused, recharge...), optionally in
/// one scenario, with an optional value: the M2M behaviour sequence X_b. An event is identified by advertiser, type,
/// time and scenario, so a replayed event is the same event.
/// </summary>
public sealed class BehaviourEvent
{
    public Guid TenantId { get; init; }

    public long Id { get; init; }

    public long AdvertiserId { get; init; }

    public int? ScenarioId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string EventType { get; init; }

    public double? Value { get; init; }
}
