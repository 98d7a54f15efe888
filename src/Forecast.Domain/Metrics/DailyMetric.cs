namespace Forecast.Domain.Metrics;

/// <summary>
/// One day of an advertiser's delivery in one scenario: the M2M performance sequence X_p. Spend and conversions are
/// null when the tenant does not send them (not zero), so tasks without data can be left untrained.
/// </summary>
public sealed class DailyMetric
{
    public Guid TenantId { get; init; }

    public long AdvertiserId { get; init; }

    public int ScenarioId { get; init; }

    public DateOnly Date { get; init; }

    public decimal? Spend { get; init; }

    public long Impressions { get; init; }

    public long Clicks { get; init; }

    public long? Conversions { get; init; }
}
