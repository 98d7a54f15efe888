using Forecast.Api.Authentication;
using Forecast.Application.Audit.ListAuditEvents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>The operator's audit trail of administrative actions.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/audit", ListAuditEvents).WithTags("Tenants (admin)").RequireAuthorization(ApiKeyDefaults.AdminPolicy)
            .WithSummary("The audit trail of administrative actions, newest first")
            .WithDescription("Tenants created, keys issued and revoked, models promoted (by hand or by a training's champion gate) and rolled back.");
        return v1;
    }

    private static async Task<Ok<IReadOnlyList<AuditEventDto>>> ListAuditEvents(
        Guid? tenantId, IMediator mediator, CancellationToken cancellationToken, int limit = 100) =>
        TypedResults.Ok(await mediator.Send(new ListAuditEvents(tenantId, limit), cancellationToken));
}
