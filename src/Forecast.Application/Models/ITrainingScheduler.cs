namespace Forecast.Application.Models;

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

    /// <summary>Adds or updates the tenant's recurring retraining (nightly by default).</summary>
    void ScheduleRetraining(Guid tenantId);

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
/// <param name="ValidationLoss">Validation loss of the last epoch: Poisson deviance (m2m) or log-loss (ctr).</param>
public sealed record TrainingProgressDto(string Stage, int Percent, int Epoch, int MaxEpochs, double? TrainLoss, double? ValidationLoss);
