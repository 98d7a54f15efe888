using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Forecast.Application.Common.Telemetry;

/// <summary>
/// The service's own traces and metrics (meter and activity source "Forecast"): trainings, scoring and what is served.
/// Tags carry model kinds, architectures and outcomes, never tenant or advertiser ids (unbounded, and not the
/// operator's to see).
/// </summary>
public static class ForecastTelemetry
{
    public const string Name = "Forecast";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> TrainingSeconds = Meter.CreateHistogram<double>(
        "forecast.training.duration", "s", "Wall time of a training run, by kind and outcome (promoted, candidate, failed).");

    private static readonly Histogram<int> TrainingEpochs = Meter.CreateHistogram<int>(
        "forecast.training.epochs", "{epoch}", "Epochs a training run ran before early stopping, by kind.");

    private static readonly Histogram<double> ValidationScores = Meter.CreateHistogram<double>(
        "forecast.training.validation_score", "1", "A trained model's validation score per task (SMAPE for forecasts, log-loss for CTR).");

    private static readonly Histogram<double> ScoringSeconds = Meter.CreateHistogram<double>(
        "forecast.scoring.duration", "s", "Wall time of a tenant's batch scoring, stores included.");

    private static readonly Counter<long> ForecastsScored = Meter.CreateCounter<long>(
        "forecast.scoring.forecasts", "{forecast}", "Advertiser × scenario forecasts written by batch scoring.");

    private static readonly Counter<long> ForecastsServed = Meter.CreateCounter<long>(
        "forecast.forecasts.served", "{forecast}", "Advertiser forecasts answered, by champion architecture and source (batch-scored or computed-now).");

    private static readonly Counter<long> BidsEstimated = Meter.CreateCounter<long>(
        "forecast.bids.estimated", "{bid}", "Bid estimates answered, by CTR champion architecture.");

    private static readonly Counter<long> DriftsDetected = Meter.CreateCounter<long>(
        "forecast.drift.detected", "{drift}", "Champions whose live accuracy drifted (each queues a retraining), by kind.");

    private static readonly Counter<long> WebhookAttempts = Meter.CreateCounter<long>(
        "forecast.webhooks.attempts", "{attempt}", "Webhook delivery attempts, by event and outcome (delivered, retrying, failed: no retry left).");

    public static void DriftDetected(string kind) => DriftsDetected.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void WebhookAttempted(string @event, string outcome) =>
        WebhookAttempts.Add(1, new KeyValuePair<string, object?>("event", @event), new KeyValuePair<string, object?>("outcome", outcome));

    public static void Trained(string kind, string outcome, double seconds, int epochs)
    {
        var tags = new TagList { { "kind", kind }, { "outcome", outcome } };
        TrainingSeconds.Record(seconds, tags);
        TrainingEpochs.Record(epochs, new KeyValuePair<string, object?>("kind", kind));
    }

    public static void Validated(string kind, string task, double score) =>
        ValidationScores.Record(score, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("task", task));

    public static void Scored(int forecasts, double seconds)
    {
        ScoringSeconds.Record(seconds);
        ForecastsScored.Add(forecasts);
    }

    public static void Served(string architecture, string source, int forecasts) =>
        ForecastsServed.Add(forecasts, new KeyValuePair<string, object?>("architecture", architecture), new KeyValuePair<string, object?>("source", source));

    public static void BidsServed(string architecture, int bids) =>
        BidsEstimated.Add(bids, new KeyValuePair<string, object?>("architecture", architecture));
}
