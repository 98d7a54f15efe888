using Forecast.Application.Common.Persistence;
using Forecast.Application.Forecasts;
using Forecast.Application.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Scoring;

/// <summary>
/// churn.risk: after a scoring run, the advertisers whose churn probability in a scenario rose to or above a
/// subscription's threshold from below it (the forecasts it replaced), one delivery per subscription listing them.
/// The stored probabilities are read only when some subscription wants the event.
/// </summary>
public sealed class ChurnRiskAlerts(IForecastDbContext db, IForecastStore store, IWebhookPublisher webhooks)
{
    /// <returns>The stored churn probabilities the new ones are compared with; null when nobody listens.</returns>
    public async Task<IReadOnlyDictionary<(string AdvertiserId, string Scenario), double>?> BeforeScoringAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.Webhooks.AnyAsync(webhook => webhook.TenantId == tenantId && webhook.Events.Contains(WebhookEvents.ChurnRisk), cancellationToken)
            ? await store.ReadChurnAsync(tenantId, cancellationToken)
            : null;

    public Task AfterScoringAsync(
        Guid tenantId, IReadOnlyDictionary<(string AdvertiserId, string Scenario), double>? before, IReadOnlyList<StoredScenarioForecast> scored, CancellationToken cancellationToken)
    {
        if (before is null)
        {
            return Task.CompletedTask;
        }

        var changes = scored
            .Select(forecast => (forecast.AdvertiserId, forecast.Forecast.Scenario, forecast.AsOf, Now: forecast.Forecast.ChurnProbability,
                Before: before.TryGetValue((forecast.AdvertiserId, forecast.Forecast.Scenario), out var previous) ? previous : (double?)null))
            .Where(change => change.Before is not null)
            .ToList();
        return webhooks.PublishAsync(tenantId, WebhookEvents.ChurnRisk, subscription =>
        {
            var crossed = changes.Where(change => change.Before < subscription.ChurnRiskThreshold && change.Now >= subscription.ChurnRiskThreshold).ToList();
            return crossed.Count == 0 ? null : new
            {
                threshold = subscription.ChurnRiskThreshold,
                asOf = crossed[0].AsOf,
                advertisers = crossed.Select(change => new
                {
                    advertiserId = change.AdvertiserId, scenario = change.Scenario, churnProbability = change.Now, previousChurnProbability = change.Before,
                }),
            };
        }, cancellationToken);
    }
}
