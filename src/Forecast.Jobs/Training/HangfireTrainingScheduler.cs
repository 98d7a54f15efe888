using System.Globalization;
using Forecast.Application.Registry;
using Forecast.Domain.Tenants;
using Forecast.Jobs.Hosting;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Forecast.Jobs.Training;

/// <summary>Training jobs on Hangfire: enqueue now, schedule nightly, and read a job back for its tenant only.</summary>
internal sealed class HangfireTrainingScheduler(
    IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage, NpgsqlDataSource database, IOptions<JobsOptions> options) : ITrainingScheduler
{
    public string EnqueueTraining(Guid tenantId, string kind, string? after = null) => (kind, after) switch
    {
        (ModelKinds.Forecast, null) => jobs.Enqueue<TrainForecastModelJob>(job => job.RunAsync(tenantId, null, CancellationToken.None)),
        (ModelKinds.Ctr, null) => jobs.Enqueue<TrainCtrJob>(job => job.RunAsync(tenantId, null, CancellationToken.None)),
        (ModelKinds.Forecast, _) => jobs.ContinueJobWith<TrainForecastModelJob>(after, job => job.RunAsync(tenantId, null, CancellationToken.None), options: JobContinuationOptions.OnAnyFinishedState),
        (ModelKinds.Ctr, _) => jobs.ContinueJobWith<TrainCtrJob>(after, job => job.RunAsync(tenantId, null, CancellationToken.None), options: JobContinuationOptions.OnAnyFinishedState),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a trainable kind"),
    };

    public async Task<string> TrainAsync(Guid tenantId, string kind, CancellationToken cancellationToken) =>
        await PendingTrainingAsync(tenantId, kind, cancellationToken) ?? EnqueueTraining(tenantId, kind);

    /// <summary>
    /// The newest job training this tenant's kind that is queued, running, scheduled (retrying) or awaiting its parent.
    /// One query on the job table's state index: Hangfire's monitoring API would page through every queue (a busy
    /// queue made each training request take hundreds of ms) and lists no awaiting continuations. The table is
    /// Hangfire.PostgreSql's (schema <see cref="DependencyInjection.HangfireSchema"/>); the kill and API tests cover it.
    /// </summary>
    private async Task<string?> PendingTrainingAsync(Guid tenantId, string kind, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(PendingTrainingSql);
        command.Parameters.Add(new NpgsqlParameter { Value = JobTypeOf(kind).FullName + ",%" });
        command.Parameters.Add(new NpgsqlParameter { Value = $"%{tenantId}%" });
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static readonly string PendingTrainingSql =
        $"SELECT id FROM {DependencyInjection.HangfireSchema}.job "
        + $"WHERE statename IN ('{EnqueuedState.StateName}', '{ProcessingState.StateName}', '{ScheduledState.StateName}', '{AwaitingState.StateName}') "
        + "AND invocationdata ->> 'Type' LIKE $1 AND arguments ->> 0 LIKE $2 ORDER BY id DESC LIMIT 1";

    public void ScheduleRetraining(Guid tenantId, RetrainingPolicy policy)
    {
        if (policy is { Mode: RetrainingMode.Schedule, Cron: { } cron })
        {
            recurring.AddOrUpdate<TrainForecastModelJob>($"train-forecast-{tenantId}", job => job.RunAsync(tenantId, null, CancellationToken.None), cron);
        }
        else
        {
            recurring.RemoveIfExists($"train-forecast-{tenantId}");
        }

        recurring.AddOrUpdate<TrainCtrJob>($"train-ctr-{tenantId}", job => job.RunAsync(tenantId, null, CancellationToken.None), options.Value.CtrRetrainCron);
        recurring.AddOrUpdate<PruneModelsJob>($"prune-models-{tenantId}", job => job.RunAsync(tenantId, CancellationToken.None), options.Value.PruneCron);
    }

    private static Type JobTypeOf(string kind) => kind switch
    {
        ModelKinds.Forecast => typeof(TrainForecastModelJob),
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
