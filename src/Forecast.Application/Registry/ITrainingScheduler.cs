using Forecast.Domain.Tenants;

namespace Forecast.Application.Registry;

/// <summary>Queues training jobs and reports on them (Hangfire in production).</summary>
public interface ITrainingScheduler
{
    /// <summary>Queues a training of a kind now, or once the job <paramref name="after"/> has finished (however it ended).</summary>
    string EnqueueTraining(Guid tenantId, string kind, string? after = null);

    /// <summary>
    /// The tenant's training of a kind that is queued, running, waiting on another job or waiting to retry; else a new
    /// one queued now. Never two runs of the same kind waiting.
    /// </summary>
    Task<string> TrainAsync(Guid tenantId, string kind, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the tenant's recurring jobs follow its policy: the forecast model on the policy's cron (none unless it is
    /// <c>schedule</c>: new data and drift drive it otherwise), the CTR models nightly, pruning later.
    /// </summary>
    void ScheduleRetraining(Guid tenantId, RetrainingPolicy policy);

    /// <summary>The job's state and progress; null when it does not exist or belongs to another tenant.</summary>
    TrainingJobDto? Find(Guid tenantId, string jobId);
}

/// <summary>A training job.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Kind">Model kind it trains.</param>
/// <param name="State">Enqueued, Processing, Succeeded, Failed, Scheduled (waiting to retry)...</param>
/// <param name="Progress">Latest progress: stage, epoch, losses, percent.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record TrainingJobDto(
    string Id, string Kind, string State, TrainingProgressDto? Progress, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? Error);

/// <summary>Where a training run is.</summary>
/// <param name="Stage">reading-data, training (training:deepfm... for ctr), evaluating, registering, done.</param>
/// <param name="Percent">0–100.</param>
/// <param name="Epoch">Epoch reached.</param>
/// <param name="MaxEpochs">Most epochs it may run.</param>
/// <param name="TrainLoss">Training loss of the last epoch.</param>
/// <param name="ValidationLoss">Validation loss of the last epoch: Poisson deviance (forecast) or log-loss (ctr).</param>
/// <param name="NotFinite">The losses that were infinite or NaN (reported null above): those epochs' batches took no step.</param>
public sealed record TrainingProgressDto(
    string Stage, int Percent, int Epoch, int MaxEpochs, double? TrainLoss, double? ValidationLoss, IReadOnlyList<string>? NotFinite = null)
{
    /// <summary>A progress report whose non-finite losses are named, not written: JSON has no number for them.</summary>
    public static TrainingProgressDto Of(string stage, int percent, int epoch, int maxEpochs, double? trainLoss, double? validationLoss)
    {
        var notFinite = new[] { ("trainLoss", trainLoss), ("validationLoss", validationLoss) }
            .Where(loss => loss.Item2 is { } value && !double.IsFinite(value)).Select(loss => loss.Item1).ToList();
        return new TrainingProgressDto(
            stage, percent, epoch, maxEpochs,
            trainLoss is { } train && double.IsFinite(train) ? train : null,
            validationLoss is { } validation && double.IsFinite(validation) ? validation : null,
            notFinite.Count == 0 ? null : notFinite);
    }
}
