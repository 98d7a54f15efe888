namespace Forecast.Infrastructure.Persistence.Schema;

/// <summary>
/// A forecast as it was issued: one advertiser in one scenario, from one model, as of one day. Every scoring run keeps
/// its forecasts as snapshots (the forecasts table holds only the latest), so a past day's forecast can be read back
/// and, once the horizon's actuals arrive, judged against them.
/// </summary>
public sealed class ForecastSnapshot
{
    public Guid TenantId { get; init; }

    public Guid ModelId { get; init; }

    public DateOnly AsOf { get; init; }

    public long AdvertiserId { get; init; }

    public int ScenarioId { get; init; }

    public int HorizonDays { get; init; }

    public int ModelVersion { get; init; }

    public double ChurnProbability { get; init; }

    public required string Tasks { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
