namespace Forecast.Domain.Webhooks;

/// <summary>
/// Where a tenant wants to hear about its models: a URL, the events it wants, and the secret its deliveries are signed
/// with (HMAC-SHA256). The secret is kept to sign with; it is shown once, when the subscription is made.
/// </summary>
public sealed class WebhookSubscription
{
    private WebhookSubscription(Guid id, Guid tenantId, string url, string[] events, string secret, double churnRiskThreshold, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        Url = url;
        Events = events;
        Secret = secret;
        ChurnRiskThreshold = churnRiskThreshold;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Url { get; private set; }

    public string[] Events { get; private set; }

    public string Secret { get; private set; }

    /// <summary>churn.risk: an advertiser's churn probability rising to or above this from below it.</summary>
    public double ChurnRiskThreshold { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookSubscription Create(Guid tenantId, string url, IEnumerable<string> events, string secret, double churnRiskThreshold, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), tenantId, url, [.. events.Distinct().Order(StringComparer.Ordinal)], secret, churnRiskThreshold, now);
}
