using Forecast.Domain.Webhooks;

namespace Forecast.Application.Webhooks;

/// <summary>A webhook subscription.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Url">Where deliveries are POSTed.</param>
/// <param name="Events">The events it receives.</param>
/// <param name="ChurnRiskThreshold">churn.risk fires when an advertiser's churn probability rises to or above this.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Secret">
/// Only in the answer to its registration: the HMAC-SHA256 key of the <c>Forecast-Signature</c> header,
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC of "t.body"&gt;</c>.
/// </param>
public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, double ChurnRiskThreshold, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static WebhookDto From(WebhookSubscription webhook) =>
        new(webhook.Id, webhook.Url, webhook.Events, webhook.ChurnRiskThreshold, webhook.CreatedAt);
}

/// <summary>One event sent (or being sent) to a subscription.</summary>
/// <param name="Id">The delivery's id, also in its body and the Forecast-Delivery header (the same on every retry).</param>
/// <param name="Event">The event.</param>
/// <param name="Status">pending (retrying), delivered or failed (out of attempts).</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="LastStatusCode">The receiver's status code at the last attempt; null when it did not answer.</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="CreatedAt">When the event happened.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="NextAttemptAt">When it is tried next, while pending.</param>
/// <param name="DeliveredAt">When a 2xx answer came.</param>
/// <param name="Payload">The exact body sent.</param>
public sealed record WebhookDeliveryDto(
    Guid Id, string Event, string Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string Payload)
{
    public static WebhookDeliveryDto From(WebhookDelivery delivery) => new(
        delivery.Id, delivery.Event, delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.LastError,
        delivery.CreatedAt, delivery.LastAttemptAt, delivery.NextAttemptAt, delivery.DeliveredAt, delivery.Payload);
}
