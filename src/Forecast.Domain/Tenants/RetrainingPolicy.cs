namespace Forecast.Domain.Tenants;

/// <summary>What makes a tenant's forecast model retrain without anybody asking.</summary>
public enum RetrainingMode
{
    /// <summary>When its daily metrics reach <see cref="RetrainingPolicy.EveryDays"/> days past the newest trained model (coalesced).</summary>
    NewData,

    /// <summary>Only when the live accuracy drifts (and when a person asks).</summary>
    DriftOnly,

    /// <summary>On <see cref="RetrainingPolicy.Cron"/> (UTC), and on drift.</summary>
    Schedule,
}

/// <summary>
/// A tenant's retraining rule. Drift retrains in every mode: it says the champion no longer fits, whatever the cadence.
/// </summary>
public sealed record RetrainingPolicy(RetrainingMode Mode, int EveryDays, string? Cron)
{
    public const int MaxEveryDays = 365;

    public static readonly RetrainingPolicy Default = new(RetrainingMode.NewData, 1, null);
}
