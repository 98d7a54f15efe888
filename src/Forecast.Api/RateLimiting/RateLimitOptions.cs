namespace Forecast.Api.RateLimiting;

/// <summary>
/// Per-API-key token buckets (section Forecast:RateLimits): a burst may spend the whole bucket, which refills at the
/// steady rate. Ingestion and training have buckets of their own, so a key that reads hard can still send its data.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Forecast:RateLimits";

    /// <summary>Steady requests per second of one key on every endpoint but ingestion and training.</summary>
    public int RequestsPerSecond { get; init; } = 200;

    /// <summary>Requests one key may send at once before the steady rate applies.</summary>
    public int RequestBurst { get; init; } = 400;

    /// <summary>Steady ingestion batches per minute of one key (a batch holds up to 50,000 rows).</summary>
    public int IngestionBatchesPerMinute { get; init; } = 60;

    /// <summary>Ingestion batches one key may send at once.</summary>
    public int IngestionBurst { get; init; } = 20;

    /// <summary>Steady training requests per hour of one key.</summary>
    public int TrainingsPerHour { get; init; } = 12;

    /// <summary>Training requests one key may send at once.</summary>
    public int TrainingBurst { get; init; } = 6;

    /// <summary>Operator login attempts per minute from one client address.</summary>
    public int LoginAttemptsPerMinute { get; init; } = 10;
}
