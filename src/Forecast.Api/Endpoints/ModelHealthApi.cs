using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Application.Registry.GetModelHealth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>Whether the tenant's models are hurt: what a dashboard or an operator checks without reading the registry.</summary>
internal static class ModelHealthApi
{
    public static RouteGroupBuilder MapModelHealthApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/models/health", Get).WithTags("Models").RequireAuthorization(ApiKeyDefaults.TenantPolicy)
            .WithSummary("The models' health")
            .WithDescription("Per kind: status (no-model, failing, drifting, stale, healthy), the champion and its age in data days, the last runs that succeeded and failed (with the error), failures in a row, and the champion's drift.");
        return v1;
    }

    private static async Task<Ok<ModelHealthDto>> Get(ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetModelHealth(user.TenantId()), cancellationToken));
}
