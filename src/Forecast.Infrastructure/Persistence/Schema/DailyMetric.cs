namespace Forecast.Infrastructure.Persistence.Schema;

/// <summary>
/// One day of an advertiser's delivery in one scenario: the M2M performance sequence X_p. Each channel is null when
/// the tenant does not track it (a tracked 0 stays 0): a billing feed sends spend alone, an ad server exposure alone,
/// and tasks without data are left untrained.
/// </summary>
public sealed class DailyMetric
{
    public Guid TenantId { get; init; }

    public long AdvertiserId { get; init; }

    public int ScenarioId { get; init; }

    public DateOnly Date { get; init; }

    public decimal? Spend { get; init; }

    public long? Impressions { get; init; }

    public long? Clicks { get; init; }

    public long? Conversions { get; init; }
}
