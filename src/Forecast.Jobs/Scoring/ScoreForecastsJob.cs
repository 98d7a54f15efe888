using System.Diagnostics;
using Forecast.Application.Common.Telemetry;
using Forecast.Application.Forecasts;
using Forecast.Application.Registry;
using Forecast.Jobs.Accuracy;
using Forecast.Jobs.Training;
using Forecast.Ml.Torch;
using Forecast.Serving.Champions;
using Forecast.Serving.Forecasts;
using Hangfire;

namespace Forecast.Jobs.Scoring;

/// <summary>
/// Batch-scores every advertiser × scenario of a tenant with its champion from the latest day of data, and replaces
/// the tenant's stored forecasts in one transaction (kept as that day's snapshots too). Follows every training run and
/// every ingestion that changes daily metrics or behaviour; then judges the forecasts whose horizon has now arrived.
/// It first asks for the retraining that new data calls for (<see cref="NewDataRetraining"/>).
/// </summary>
public sealed class ScoreForecastsJob(
    ForecastChampions champions,
    ITenantHistoryReader history,
    IForecastStore store,
    ForecastAccuracyMonitor accuracy,
    ITenantRunLock runLock,
    NewDataRetraining retraining,
    ChurnRiskAlerts churnRisk,
    ILogger<ScoreForecastsJob> logger)
{
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [15, 120])]
    public async Task RunAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        // Before the scoring itself: a tenant loaded through the API has no champion to score with until its first
        // model, which new data asks for here.
        await retraining.CheckAsync(tenantId, cancellationToken);
        await using var running = await runLock.AcquireAsync(tenantId, "score-forecasts", cancellationToken);
        using var activity = ForecastTelemetry.Activities.StartActivity("score forecasts");
        using var champion = await champions.GetAsync(tenantId, cancellationToken);
        // The champion first: a new tenant's ingestion queues a re-scoring per batch, and each would otherwise read the
        // whole recent history before finding no model to score with, slowing a large tenant's first load.
        var (lastDay, panel) = champion is null ? (null, null) : await history.ReadRecentPanelAsync(tenantId, null, champion.Model.Manifest.Window, cancellationToken);
        if (champion is null || panel is null || lastDay is null)
        {
            logger.LogInformation("Tenant {TenantId}: nothing to score (no champion or no data)", tenantId);
            return;
        }

        var clock = Stopwatch.StartNew();
        var forecasts = champion.Model.Forecast(panel, panel.Days - 1)
            .Select(series => new StoredScenarioForecast(series.AdvertiserId, series.AsOf, series.HorizonDays, champion.ModelId, champion.Version, ForecastMapping.ToDto(series)))
            .ToList();
        NativeHeap.Trim();
        var scored = clock.Elapsed.TotalSeconds;
        var before = await churnRisk.BeforeScoringAsync(tenantId, cancellationToken);
        await store.ReplaceAsync(tenantId, forecasts, cancellationToken);
        await churnRisk.AfterScoringAsync(tenantId, before, forecasts, cancellationToken);
        ForecastTelemetry.Scored(forecasts.Count, clock.Elapsed.TotalSeconds);
        logger.LogInformation("Tenant {TenantId}: scored {Count} forecasts with forecast model v{Version} in {Scoring:F2} s ({Rate:N0}/s), stored in {Total:F2} s",
            tenantId, forecasts.Count, champion.Version, scored, forecasts.Count / Math.Max(scored, 1e-6), clock.Elapsed.TotalSeconds);
        await accuracy.RunAsync(tenantId, lastDay.Value, cancellationToken);
    }
}
