namespace Forecast.Domain.Audit;

/// <summary>
/// An administrative action, kept for the operator: who did what to which tenant, when. Written in the same
/// transaction as the action itself, so the trail has neither gaps nor actions that did not happen.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent(Guid id, DateTimeOffset occurredAt, string actor, string action, Guid? tenantId, string subject)
    {
        Id = id;
        OccurredAt = occurredAt;
        Actor = actor;
        Action = action;
        TenantId = tenantId;
        Subject = subject;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>"admin" for the admin key, "tenant" for the tenant's own key.</summary>
    public string Actor { get; private set; }

    /// <summary>tenant.created, api_key.issued, api_key.revoked, model.promoted, model.rolled_back.</summary>
    public string Action { get; private set; }

    public Guid? TenantId { get; private set; }

    /// <summary>What was acted on: a key id and label, a model id and version.</summary>
    public string Subject { get; private set; }

    public static AuditEvent Of(DateTimeOffset now, string actor, string action, Guid? tenantId, string subject) =>
        new(Guid.CreateVersion7(now), now, actor, action, tenantId, subject);
}
