using Forecast.Application.Accuracy;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Telemetry;
using Forecast.Application.Registry;
using Forecast.Application.Webhooks;
using Forecast.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.Accuracy;

/// <summary>
/// Live accuracy, run after each scoring: judges the snapshots whose horizon the tenant's data now covers, keeps the
/// snapshots for their retention period, and applies the drift rule to the champion — a drift queues a retraining
/// (or answers with the one already pending) and is recorded on the champion's registry row, once per day of data.
/// </summary>
public sealed class ForecastAccuracyMonitor(
    IForecastAccuracyStore store,
    IForecastDbContext db,
    ITrainingScheduler scheduler,
    IWebhookPublisher webhooks,
    IOptions<AccuracyOptions> options,
    ILogger<ForecastAccuracyMonitor> logger)
{
    /// <param name="tenantId">Tenant.</param>
    /// <param name="latest">The tenant's latest day of metrics, as the scoring run just read it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task RunAsync(Guid tenantId, DateOnly latest, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await store.DueAsync(tenantId, latest, settings.EvaluationLookbackDays, cancellationToken);
        foreach (var forecasts in due)
        {
            var sums = RealizedAccuracyCalculator.Sum(await store.OutcomesAsync(tenantId, forecasts, cancellationToken));
            await store.WriteAsync(tenantId, forecasts, sums, cancellationToken);
            logger.LogInformation("Tenant {TenantId}: judged the forecasts of model {ModelId} as of {AsOf} ({Pairs} pairs)",
                tenantId, forecasts.ModelId, forecasts.AsOf, sums.Where(sum => sum.Key.Task == AccuracyTasks.Churn).Sum(sum => sum.Value.Pairs));
        }

        await store.PruneSnapshotsAsync(tenantId, latest.AddDays(-settings.SnapshotRetentionDays), cancellationToken);
        if (due.Count > 0 && settings.Drift.Enabled)
        {
            await CheckDriftAsync(tenantId, latest, settings.Drift, cancellationToken);
        }
    }

    private async Task CheckDriftAsync(Guid tenantId, DateOnly latest, DriftOptions drift, CancellationToken cancellationToken)
    {
        var champions = db.Models.Where(model => model.TenantId == tenantId && model.Kind == ModelKinds.Forecast && model.Status == ModelStatus.Champion);
        var champion = await champions.AsNoTracking()
            .Select(model => new { model.Id, model.Version, model.Metrics, model.DriftDetectedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (champion is null || champion.DriftDetectedOn == latest)
        {
            return;
        }

        var rows = await store.ReadAsync(tenantId, champion.Id, null, null, null, cancellationToken);
        var reason = DriftRule.Check(drift, ValidationScores.Smape(ModelDto.Parse(champion.Metrics)), rows);
        if (reason is null)
        {
            return;
        }

        var job = await scheduler.TrainAsync(tenantId, ModelKinds.Forecast, cancellationToken);
        await champions.Where(model => model.Id == champion.Id).ExecuteUpdateAsync(update => update
            .SetProperty(model => model.DriftDetectedOn, latest)
            .SetProperty(model => model.DriftReason, reason)
            .SetProperty(model => model.DriftRetrainingJob, job), cancellationToken);
        ForecastTelemetry.DriftDetected(ModelKinds.Forecast);
        logger.LogWarning("Tenant {TenantId}: forecast model v{Version} drifted ({Reason}); retraining job {JobId}", tenantId, champion.Version, reason, job);
        await webhooks.PublishAsync(tenantId, WebhookEvents.DriftDetected, new
        {
            kind = ModelKinds.Forecast, modelId = champion.Id, version = champion.Version, detectedOn = latest, reason, retrainingJob = job,
        }, cancellationToken);
    }
}
