using System.Text.Json;
using Forecast.Application.Models;
using Forecast.Jobs.Ctr;
using Forecast.Jobs.Hosting;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.Training;

/// <summary>Training jobs on Hangfire: enqueue now, schedule nightly, and read a job back for its tenant only.</summary>
internal sealed class HangfireTrainingScheduler(
    IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage, IOptions<JobsOptions> options) : ITrainingScheduler
{
    public string EnqueueTraining(Guid tenantId, string kind, string? after = null) => (kind, after) switch
    {
        (ModelKinds.M2M, null) => jobs.Enqueue<TrainM2MJob>(job => job.RunAsync(tenantId, null, CancellationToken.None)),
        (ModelKinds.Ctr, null) => jobs.Enqueue<TrainCtrJob>(job => job.RunAsync(tenantId, null, CancellationToken.None)),
        (ModelKinds.M2M, _) => jobs.ContinueJobWith<TrainM2MJob>(after, job => job.RunAsync(tenantId, null, CancellationToken.None), options: JobContinuationOptions.OnAnyFinishedState),
        (ModelKinds.Ctr, _) => jobs.ContinueJobWith<TrainCtrJob>(after, job => job.RunAsync(tenantId, null, CancellationToken.None), options: JobContinuationOptions.OnAnyFinishedState),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a trainable kind"),
    };

    /// <summary>
    /// Looks through the queued, running and scheduled (retrying) jobs for one training this tenant's kind, and through
    /// the continuations waiting on the tenant's trainings (this storage lists no awaiting jobs, but every parent keeps
    /// its continuations in a job parameter).
    /// </summary>
    public string? PendingTraining(Guid tenantId, string kind)
    {
        const int Page = 1000;
        var monitoring = storage.GetMonitoringApi();
        bool OfTenant(Hangfire.Common.Job? job) =>
            job is not null && ModelKinds.Trainable.Any(trainable => job.Type == JobTypeOf(trainable)) && job.Args.FirstOrDefault() is Guid owner && owner == tenantId;
        var pending = monitoring.ProcessingJobs(0, Page).Select(job => (job.Key, job.Value.Job))
            .Concat(monitoring.Queues().SelectMany(queue => monitoring.EnqueuedJobs(queue.Name, 0, Page)).Select(job => (job.Key, job.Value.Job)))
            .Concat(monitoring.ScheduledJobs(0, Page).Select(job => (job.Key, job.Value.Job)))
            .Where(job => OfTenant(job.Job))
            .ToList();
        var type = JobTypeOf(kind);
        var found = pending.FirstOrDefault(job => job.Job!.Type == type).Key;
        if (found is not null) return found;

        using var connection = storage.GetConnection();
        return pending
            .SelectMany(parent => Continuations(connection.GetJobParameter(parent.Key, ContinuationsParameter)))
            .FirstOrDefault(child => monitoring.JobDetails(child) is { } details && details.Job?.Type == type
                && details.History.FirstOrDefault()?.StateName == AwaitingState.StateName);
    }

    /// <summary>The job parameter where Hangfire keeps a parent's continuations: [{"JobId": "…", "Options": …}].</summary>
    private const string ContinuationsParameter = "Continuations";

    private static IEnumerable<string> Continuations(string? json) =>
        string.IsNullOrEmpty(json)
            ? []
            : JsonDocument.Parse(json).RootElement.EnumerateArray()
                .Select(continuation => continuation.TryGetProperty("JobId", out var id) ? id.GetString() : null)
                .OfType<string>()
                .ToList();

    /// <summary>Nightly retraining of both kinds (M2M queues scoring when it ends) and pruning later.</summary>
    public void ScheduleRetraining(Guid tenantId)
    {
        recurring.AddOrUpdate<TrainM2MJob>($"train-m2m-{tenantId}", job => job.RunAsync(tenantId, null, CancellationToken.None), options.Value.RetrainCron);
        recurring.AddOrUpdate<TrainCtrJob>($"train-ctr-{tenantId}", job => job.RunAsync(tenantId, null, CancellationToken.None), options.Value.RetrainCron);
        recurring.AddOrUpdate<PruneModelsJob>($"prune-models-{tenantId}", job => job.RunAsync(tenantId, CancellationToken.None), options.Value.PruneCron);
    }

    private static Type JobTypeOf(string kind) => kind switch
    {
        ModelKinds.M2M => typeof(TrainM2MJob),
        ModelKinds.Ctr => typeof(TrainCtrJob),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a trainable kind"),
    };

    public TrainingJobDto? Find(Guid tenantId, string jobId)
    {
        if (!long.TryParse(jobId, out _))
        {
            return null;
        }

        var details = storage.GetMonitoringApi().JobDetails(jobId);
        var kind = ModelKinds.Trainable.FirstOrDefault(trainable => details?.Job?.Type == JobTypeOf(trainable));
        if (kind is null || details!.Job.Args.FirstOrDefault() is not Guid owner || owner != tenantId)
        {
            return null;
        }

        using var connection = storage.GetConnection();
        var latest = details.History.FirstOrDefault();
        string? error = null;
        details.History.FirstOrDefault(state => state.StateName == FailedState.StateName)?.Data.TryGetValue("ExceptionMessage", out error);
        return new TrainingJobDto(
            jobId,
            kind,
            latest?.StateName ?? "Unknown",
            TrainingProgressReporter.Read(connection.GetJobParameter(jobId, TrainingProgressReporter.Parameter)),
            details.CreatedAt is { } created ? new DateTimeOffset(created, TimeSpan.Zero) : null,
            latest is null ? null : new DateTimeOffset(latest.CreatedAt, TimeSpan.Zero),
            latest?.StateName == FailedState.StateName ? error : null);
    }
}
