using Forecast.Domain.Webhooks;

namespace Forecast.Application.Webhooks;

/// <summary>
/// Announces an event to the tenant's subscriptions that want it: one logged delivery each, sent and retried in the
/// background. Publishing never fails what announced it (a training that succeeded stays succeeded).
/// </summary>
public interface IWebhookPublisher
{
    /// <param name="tenantId">Tenant.</param>
    /// <param name="event">One of <see cref="WebhookEvents"/>.</param>
    /// <param name="data">The event's data for a subscription; null: nothing for that one (a threshold it did not cross).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task PublishAsync(Guid tenantId, string @event, Func<WebhookSubscription, object?> data, CancellationToken cancellationToken);
}

public static class WebhookPublisherExtensions
{
    public static Task PublishAsync(this IWebhookPublisher publisher, Guid tenantId, string @event, object data, CancellationToken cancellationToken) =>
        publisher.PublishAsync(tenantId, @event, _ => data, cancellationToken);
}
