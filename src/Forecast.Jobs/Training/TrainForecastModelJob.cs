using System.Text.Json;
using Forecast.Application.Audit;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Telemetry;
using Forecast.Application.Forecasts;
using Forecast.Application.Registry;
using Forecast.Application.Webhooks;
using Forecast.Domain.Registry;
using Forecast.Jobs.Hosting;
using Forecast.Jobs.Scoring;
using Forecast.Ml.Torch;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;
using Forecast.Serving.Forecasts;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.Training;

/// <summary>
/// Trains a tenant's forecast model from everything it has sent — M2M and the trees, guarded per task and scenario by
/// the statistical baselines — registers it with every candidate's validation scores, and makes it champion only if it
/// beats the current champion on the same validation days (mean SMAPE over the tasks both forecast). One run per tenant at a
/// time (a Hangfire distributed lock on the tenant argument); failures retry with back-off, then stay Failed with the
/// reason. A run killed midway leaves its registry row in Training, which the next run marks as interrupted. Each run
/// ends by queueing the batch scoring of the tenant's forecasts.
/// </summary>
public sealed class TrainForecastModelJob(
    IServiceScopeFactory scopes,
    ITenantHistoryReader history,
    ITenantRunLock runLock,
    IBackgroundJobClient jobs,
    IWebhookPublisher webhooks,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<TrainForecastModelJob> logger)
{
    public static readonly M2MConfig Config = new();

    private readonly TrainingOptions _training = new(MaxEpochs: options.Value.TrainingMaxEpochs);

    [Queue(DependencyInjection.TrainingQueue)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [15, 120], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid tenantId, PerformContext? context, CancellationToken cancellationToken)
    {
        var progress = new TrainingProgressReporter(context);
        progress.Report(TrainingProgressDto.Of("waiting", 1, 0, _training.MaxEpochs, null, null));
        await using var running = await runLock.AcquireAsync(tenantId, "train-forecast", cancellationToken);
        using var activity = ForecastTelemetry.Activities.StartActivity("train forecast model");
        var started = clock.GetTimestamp();
        progress.Report(TrainingProgressDto.Of("reading-data", 2, 0, _training.MaxEpochs, null, null));
        var data = await history.ReadAsync(tenantId, null, null, null, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
        var model = (await RegistryRuns.StartAsync(db, tenantId, ModelKinds.Forecast, [ForecastModelManifest.Architecture], clock.GetUtcNow(), cancellationToken))[0];
        try
        {
            if (data.Metrics.Count == 0)
            {
                throw new InvalidOperationException("The tenant has no daily metrics to learn from; ingest some with POST /v1/ingest/daily-metrics.");
            }

            var panel = SeriesPanelBuilder.Build(data);
            var (championId, championModel) = await ForecastChampionGate.ChampionAsync(db, tenantId, cancellationToken);
            using var champion = championModel;
            // Between epochs the run reports progress and honours shutdown: a stopping worker ends it there, leaving the
            // registry row in Training for the next run to mark interrupted (as a killed process would).
            var (candidate, report, validationDays, candidates) = ForecastModelTrainer.Train(panel, new ForecastWindow(), Config, _training, epoch =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Report(TrainingProgressDto.Of("training", 5 + (85 * epoch.Epoch / epoch.MaxEpochs), epoch.Epoch, epoch.MaxEpochs,
                    epoch.TrainLoss, epoch.ValidationDeviance));
            }, options.Value.WarmStart ? champion?.Network : null);
            using (candidate)
            {
                progress.Report(TrainingProgressDto.Of("evaluating", 92, report.Epochs, _training.MaxEpochs, null, report.BestValidationDeviance));
                var gate = ForecastChampionGate.Compare(candidate, (championId, champion), panel, validationDays);

                progress.Report(TrainingProgressDto.Of("registering", 96, report.Epochs, _training.MaxEpochs, null, report.BestValidationDeviance));
                using var artifact = new MemoryStream();
                candidate.Save(artifact);
                model.Complete(
                    artifact.ToArray(),
                    candidate.Manifest.TrainedThrough,
                    DataFingerprint.Of(data),
                    JsonSerializer.Serialize(new { config = Config, training = _training, window = candidate.Manifest.Window }, StoredJson.Options),
                    JsonSerializer.Serialize(gate.Metrics(report, candidate.Manifest, candidates), StoredJson.Options),
                    clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                if (gate.CandidateWins)
                {
                    await ChampionPromotion.PromoteAsync(db, webhooks, model, clock.GetUtcNow(), AuditActions.Trainer, AuditActions.ModelPromoted, cancellationToken);
                }

                ForecastTelemetry.Trained(ModelKinds.Forecast, gate.CandidateWins ? "promoted" : "candidate", clock.GetElapsedTime(started).TotalSeconds, report.Epochs);
                foreach (var (task, smape) in gate.Candidate)
                {
                    ForecastTelemetry.Validated(ModelKinds.Forecast, task.Name(), smape);
                }

                logger.LogInformation("Tenant {TenantId}: forecast model v{Version} trained ({Epochs} M2M epochs), serving {Selection}; {Outcome}",
                    tenantId, model.Version, report.Epochs,
                    string.Join(", ", candidate.Manifest.Selection.Blends.Select(blend => $"{blend.Group}: {blend.Describe()}")),
                    gate.CandidateWins ? "promoted to champion" : "kept as candidate");
            }

            await TrainingEvents.SucceededAsync(webhooks, model, model.Status == ModelStatus.Champion, cancellationToken);

            // Fresh data or a new champion: either way the stored forecasts are rescored.
            jobs.Enqueue<ScoreForecastsJob>(job => job.RunAsync(tenantId, CancellationToken.None));
            progress.Report(TrainingProgressDto.Of("done", 100, report.Epochs, _training.MaxEpochs, null, report.BestValidationDeviance));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RegistryRuns.FailAsync(db, [model], exception.Message, clock.GetUtcNow());
            ForecastTelemetry.Trained(ModelKinds.Forecast, "failed", clock.GetElapsedTime(started).TotalSeconds, 0);
            await TrainingEvents.FailedAsync(webhooks, tenantId, ModelKinds.Forecast, [model], exception.Message, context);
            throw;
        }
        finally
        {
            NativeHeap.Trim();
        }
    }
}
