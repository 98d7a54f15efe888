using System.Text.Json;
using Forecast.Application.Audit;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Telemetry;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Registry;
using Forecast.Application.Webhooks;
using Forecast.Jobs.Hosting;
using Forecast.Ml.Torch;
using Forecast.Ml.Ctr.Network;
using Forecast.Ml.Ctr.Training;
using Forecast.Serving.Bids;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.Training;

/// <summary>
/// Trains the CTR architectures (all, or those <see cref="JobsOptions.CtrArchitectures"/> names) on a tenant's ad stats
/// (the most recent days held out for validation), registers each as a ctr model, and makes the one with the lowest
/// validation log-loss champion if it also beats the current champion on the same validation rows. Same guarantees as
/// the forecast model job: one run per tenant at a time, retries with back-off, rows of a failed or killed run end Failed, the
/// champion is only ever replaced by a complete model.
/// </summary>
public sealed class TrainCtrJob(
    IServiceScopeFactory scopes,
    IAdStatsReader adStats,
    ITenantRunLock runLock,
    IWebhookPublisher webhooks,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<TrainCtrJob> logger)
{
    public static readonly CtrConfig Config = new();

    private readonly CtrTrainingOptions _training = new(MaxEpochs: options.Value.CtrTrainingMaxEpochs);
    private readonly string _architectures = options.Value.CtrArchitectures;

    [Queue(DependencyInjection.TrainingQueue)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [15, 120], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid tenantId, PerformContext? context, CancellationToken cancellationToken)
    {
        var progress = new TrainingProgressReporter(context);
        progress.Report(TrainingProgressDto.Of("waiting", 1, 0, _training.MaxEpochs, null, null));
        await using var running = await runLock.AcquireAsync(tenantId, "train-ctr", cancellationToken);
        using var activity = ForecastTelemetry.Activities.StartActivity("train ctr");
        var started = clock.GetTimestamp();
        progress.Report(TrainingProgressDto.Of("reading-data", 2, 0, _training.MaxEpochs, null, null));
        var rows = await adStats.ReadAllAsync(tenantId, cancellationToken);
        CtrArchitectures.TryParseSelection(_architectures, out var architectures); // its names were checked at start-up
        var names = architectures.Select(CtrArchitectures.Name).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
        var registered = await RegistryRuns.StartAsync(db, tenantId, ModelKinds.Ctr, names, clock.GetUtcNow(), cancellationToken);
        try
        {
            if (rows.Count == 0)
            {
                throw new InvalidOperationException("The tenant has no ad stats with impressions to learn from; ingest some with POST /v1/ingest/ad-stats.");
            }

            var observations = AdObservations.From(rows);
            using var suite = CtrModelSuite.Train(observations, architectures, Config, _training, progress: epoch =>
            {
                // Between epochs a stopping worker ends the run; its rows stay Training until the next run fails them.
                cancellationToken.ThrowIfCancellationRequested();
                var done = names.IndexOf(epoch.Architecture) + ((double)epoch.Epoch / epoch.MaxEpochs);
                progress.Report(TrainingProgressDto.Of($"training:{epoch.Architecture}", 5 + (int)(85 * done / names.Count), epoch.Epoch, epoch.MaxEpochs,
                    epoch.TrainLogLoss, epoch.ValidationLogLoss));
            });

            progress.Report(TrainingProgressDto.Of("evaluating", 92, 0, _training.MaxEpochs, null, suite.Best.Validation.LogLoss));
            var gate = await CtrChampionGate.CompareAsync(db, suite.Best.Validation, suite.Validation, tenantId, cancellationToken);

            progress.Report(TrainingProgressDto.Of("registering", 96, 0, _training.MaxEpochs, null, suite.Best.Validation.LogLoss));
            var fingerprint = DataFingerprint.Of(rows);
            var trainedThrough = observations.Max(observation => observation.Day);
            foreach (var (trained, model) in suite.Models.Zip(registered))
            {
                using var artifact = new MemoryStream();
                trained.Model.Save(artifact);
                model.Complete(
                    artifact.ToArray(),
                    trainedThrough,
                    fingerprint,
                    JsonSerializer.Serialize(new { architecture = model.Architecture, config = Config, training = _training }, StoredJson.Options),
                    JsonSerializer.Serialize(CtrModelMetrics.Of(trained, suite, gate), StoredJson.Options),
                    clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
            var best = registered[names.IndexOf(suite.Best.Model.Manifest.Architecture.Name())];
            if (gate.CandidateWins)
            {
                await ChampionPromotion.PromoteAsync(db, webhooks, best, clock.GetUtcNow(), AuditActions.Trainer, AuditActions.ModelPromoted, cancellationToken);
            }

            ForecastTelemetry.Trained(ModelKinds.Ctr, gate.CandidateWins ? "promoted" : "candidate", clock.GetElapsedTime(started).TotalSeconds, suite.Best.Report.Epochs);
            ForecastTelemetry.Validated(ModelKinds.Ctr, "clicks", suite.Best.Validation.LogLoss);
            logger.LogInformation("Tenant {TenantId}: CTR run trained {Count} models; best {Architecture} v{Version} (validation log-loss {LogLoss:F5}) {Outcome}",
                tenantId, registered.Count, best.Architecture, best.Version, suite.Best.Validation.LogLoss,
                gate.CandidateWins ? "promoted to champion" : "kept as candidate");
            await TrainingEvents.SucceededAsync(webhooks, best, gate.CandidateWins, cancellationToken);
            progress.Report(TrainingProgressDto.Of("done", 100, 0, _training.MaxEpochs, null, suite.Best.Validation.LogLoss));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RegistryRuns.FailAsync(db, registered, exception.Message, clock.GetUtcNow());
            ForecastTelemetry.Trained(ModelKinds.Ctr, "failed", clock.GetElapsedTime(started).TotalSeconds, 0);
            await TrainingEvents.FailedAsync(webhooks, tenantId, ModelKinds.Ctr, registered, exception.Message, context);
            throw;
        }
        finally
        {
            NativeHeap.Trim();
        }
    }
}
