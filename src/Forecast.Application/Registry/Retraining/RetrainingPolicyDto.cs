using Forecast.Domain.Tenants;

namespace Forecast.Application.Registry.Retraining;

/// <summary>When the tenant's forecast model retrains by itself.</summary>
/// <param name="Mode">
/// <c>new-data</c> (default): after each ingestion that brings the daily metrics <c>everyDays</c> days past the newest
/// trained model, coalesced with a training already queued; <c>drift-only</c>: only when live accuracy drifts;
/// <c>schedule</c>: on <c>cron</c>. Drift retrains in every mode. <example>new-data</example>
/// </param>
/// <param name="EveryDays">new-data: how many new days of metrics make a retraining (1–365). <example>1</example></param>
/// <param name="Cron">schedule: a five-field cron expression, UTC. <example>0 2 * * *</example></param>
public sealed record RetrainingPolicyDto(string Mode, int EveryDays, string? Cron)
{
    public static readonly IReadOnlyDictionary<string, RetrainingMode> Modes = new Dictionary<string, RetrainingMode>
    {
        ["new-data"] = RetrainingMode.NewData,
        ["drift-only"] = RetrainingMode.DriftOnly,
        ["schedule"] = RetrainingMode.Schedule,
    };

    public static RetrainingPolicyDto From(RetrainingPolicy policy) =>
        new(Modes.Single(mode => mode.Value == policy.Mode).Key, policy.EveryDays, policy.Cron);
}
