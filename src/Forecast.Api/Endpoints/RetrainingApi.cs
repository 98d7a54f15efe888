using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Application.Registry.Retraining;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>When the tenant's forecast model retrains by itself.</summary>
internal static class RetrainingApi
{
    public static RouteGroupBuilder MapRetrainingApi(this RouteGroupBuilder v1)
    {
        var retraining = v1.MapGroup("/models/retraining").WithTags("Models").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        retraining.MapGet("/", Get).WithSummary("The retraining policy");
        retraining.MapPut("/", Set)
            .WithSummary("Set the retraining policy")
            .WithDescription("new-data (default): retrain after each ingestion that brings the daily metrics everyDays past the newest trained model; drift-only; or schedule on a cron (UTC). Drift retrains in every mode.")
            .WithRequestExample(new RetrainingBody("new-data", 1, null));
        return v1;
    }

    private static async Task<Ok<RetrainingPolicyDto>> Get(ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRetrainingPolicy(user.TenantId()), cancellationToken));

    private static async Task<Ok<RetrainingPolicyDto>> Set(RetrainingBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetRetrainingPolicy(user.TenantId(), body.Mode, body.EveryDays, body.Cron), cancellationToken));

    /// <summary>A retraining policy.</summary>
    /// <param name="Mode">new-data, drift-only or schedule.</param>
    /// <param name="EveryDays">new-data: new days of metrics per retraining (1–365, default 1).</param>
    /// <param name="Cron">schedule: five-field cron, UTC.</param>
    public sealed record RetrainingBody(string Mode, int? EveryDays = null, string? Cron = null);
}
