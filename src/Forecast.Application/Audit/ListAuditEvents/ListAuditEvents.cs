using FluentValidation;
using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Audit.ListAuditEvents;

/// <summary>The audit trail, newest first: of one tenant when given, else of every tenant.</summary>
/// <param name="TenantId">Only this tenant's events.</param>
/// <param name="Limit">How many events, 1–1,000.</param>
public sealed record ListAuditEvents(Guid? TenantId, int Limit) : IQuery<IReadOnlyList<AuditEventDto>>;

/// <summary>An administrative action.</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">admin (the admin key), tenant (the tenant's key) or trainer (a training run's champion gate).</param>
/// <param name="Action">tenant.created, api_key.issued, api_key.revoked, model.promoted or model.rolled_back.</param>
/// <param name="TenantId">The tenant acted on.</param>
/// <param name="Subject">What was acted on.</param>
public sealed record AuditEventDto(DateTimeOffset OccurredAt, string Actor, string Action, Guid? TenantId, string Subject);

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEvents>
{
    public ListAuditEventsValidator()
    {
        RuleFor(query => query.Limit).InclusiveBetween(1, 1000);
    }
}

public sealed class ListAuditEventsHandler(IForecastDbContext db) : IQueryHandler<ListAuditEvents, IReadOnlyList<AuditEventDto>>
{
    public async ValueTask<IReadOnlyList<AuditEventDto>> Handle(ListAuditEvents query, CancellationToken cancellationToken) =>
        await db.AuditEvents.AsNoTracking()
            .Where(audit => query.TenantId == null || audit.TenantId == query.TenantId)
            .OrderByDescending(audit => audit.OccurredAt).ThenByDescending(audit => audit.Id)
            .Take(query.Limit)
            .Select(audit => new AuditEventDto(audit.OccurredAt, audit.Actor, audit.Action, audit.TenantId, audit.Subject))
            .ToListAsync(cancellationToken);
}
