namespace Forecast.Application.Webhooks;

/// <summary>The events a tenant can subscribe to.</summary>
public static class WebhookEvents
{
    public const string TrainingFailed = "training.failed";
    public const string TrainingSucceeded = "training.succeeded";
    public const string ChampionPromoted = "champion.promoted";
    public const string DriftDetected = "drift.detected";
    public const string ChurnRisk = "churn.risk";

    public static readonly IReadOnlyList<string> All = [TrainingFailed, TrainingSucceeded, ChampionPromoted, DriftDetected, ChurnRisk];
}
