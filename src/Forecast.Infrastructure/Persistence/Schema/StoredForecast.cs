namespace Forecast.Infrastructure.Persistence.Schema;

/// <summary>
/// A batch-scored forecast of one advertiser in one scenario, from one model and as-of day. The task figures (point,
/// rate, interval, expert weights per task) are kept as one JSON document: they are always read together.
/// </summary>
public sealed class StoredForecast
{
    public Guid TenantId { get; init; }

    public long AdvertiserId { get; init; }

    public int ScenarioId { get; init; }

    public DateOnly AsOf { get; init; }

    public int HorizonDays { get; init; }

    public Guid ModelId { get; init; }

    public int ModelVersion { get; init; }

    public double ChurnProbability { get; init; }

    public required string Tasks { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
