namespace Forecast.Domain.Webhooks;

/// <summary>One event sent to one subscription, with every attempt's outcome: the delivery log a tenant reads.</summary>
public sealed class WebhookDelivery
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    private WebhookDelivery(Guid id, Guid tenantId, Guid webhookId, string @event, string payload, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        WebhookId = webhookId;
        Event = @event;
        Payload = payload;
        CreatedAt = createdAt;
        Status = Pending;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid WebhookId { get; private set; }

    public string Event { get; private set; }

    /// <summary>The exact body signed and sent (JSON).</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string Status { get; private set; }

    public int Attempts { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>A pending delivery; <paramref name="id"/> is named in its payload too (receivers de-duplicate retries by it).</summary>
    public static WebhookDelivery Create(Guid tenantId, Guid webhookId, string @event, string payload, DateTimeOffset now, Guid id) =>
        new(id, tenantId, webhookId, @event, payload, now);

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        (Attempts, LastStatusCode, LastError, LastAttemptAt, NextAttemptAt, DeliveredAt, Status) = (Attempts + 1, statusCode, null, now, null, now, Delivered);
    }

    /// <summary>An attempt that failed; a null <paramref name="nextAttemptAt"/> was its last.</summary>
    public void AttemptFailed(int? statusCode, string error, DateTimeOffset now, DateTimeOffset? nextAttemptAt)
    {
        (Attempts, LastStatusCode, LastError, LastAttemptAt, NextAttemptAt) = (Attempts + 1, statusCode, error, now, nextAttemptAt);
        Status = nextAttemptAt is null ? Failed : Pending;
    }
}
