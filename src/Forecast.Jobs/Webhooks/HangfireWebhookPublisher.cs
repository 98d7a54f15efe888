using System.Text.Json;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Webhooks;
using Forecast.Domain.Webhooks;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Webhooks;

/// <summary>
/// Logs one delivery per subscription that wants the event, each body an envelope (delivery id, event, time, tenant,
/// data), and queues its first attempt. A failure here is logged, never thrown: the event happened either way.
/// </summary>
internal sealed class HangfireWebhookPublisher(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, TimeProvider clock, ILogger<HangfireWebhookPublisher> logger) : IWebhookPublisher
{
    public async Task PublishAsync(Guid tenantId, string @event, Func<WebhookSubscription, object?> data, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
            var subscriptions = await db.Webhooks.AsNoTracking()
                .Where(webhook => webhook.TenantId == tenantId && webhook.Events.Contains(@event))
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var deliveries = new List<WebhookDelivery>();
            foreach (var subscription in subscriptions)
            {
                if (data(subscription) is not { } payload)
                {
                    continue;
                }

                var id = Guid.CreateVersion7(now);
                var body = JsonSerializer.Serialize(new { id, @event, createdAt = now, tenantId, data = payload }, StoredJson.Options);
                deliveries.Add(WebhookDelivery.Create(tenantId, subscription.Id, @event, body, now, id));
            }

            if (deliveries.Count == 0)
            {
                return;
            }

            db.WebhookDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var delivery in deliveries)
            {
                jobs.Enqueue<DeliverWebhookJob>(job => job.RunAsync(tenantId, delivery.Id, CancellationToken.None));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Tenant {TenantId}: the {Event} webhook deliveries could not be queued", tenantId, @event);
        }
    }
}
