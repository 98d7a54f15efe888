using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Application.Advertisers;
using Forecast.Application.Advertisers.DeleteAdvertiserRows;
using Forecast.Application.Advertisers.EraseAdvertiser;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>Correcting and erasing an advertiser's data: each call all or nothing, audited, re-scored, idempotent.</summary>
internal static class AdvertiserErasureApi
{
    public static RouteGroupBuilder MapAdvertiserErasureApi(this RouteGroupBuilder v1)
    {
        var advertisers = v1.MapGroup("/advertisers").WithTags("Advertisers").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        advertisers.MapDelete("/{id}", Erase)
            .WithSummary("Erase an advertiser")
            .WithDescription("Deletes the advertiser, every daily metric, behaviour event, ad stat and auction outcome that names it, and its stored and issued forecasts, in one transaction; says how many of each went. Erasing again erases nothing (zeros). The tenant's accuracy sums name no advertiser and stay.");
        foreach (var (path, rows) in new[] { ("daily-metrics", AdvertiserRows.DailyMetrics), ("behaviour-events", AdvertiserRows.BehaviourEvents), ("ad-stats", AdvertiserRows.AdStats) })
        {
            advertisers.MapDelete($"/{{id}}/{path}", (string id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken,
                    DateOnly? from, DateOnly? to, string? scenario) => DeleteRows(id, rows, user, mediator, from, to, scenario, cancellationToken))
                .WithSummary($"Delete an advertiser's {path.Replace('-', ' ')} in a date range")
                .WithDescription($"from and to (YYYY-MM-DD, inclusive, UTC days) are required; scenario narrows it to one scenario. Deleting rows that are not there deletes 0. The forecasts are re-scored when rows went; re-send corrected rows with POST /v1/ingest/{path}.");
        }

        return v1;
    }

    private static async Task<Ok<ErasedAdvertiser>> Erase(string id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new EraseAdvertiser(user.TenantId(), id), cancellationToken));

    private static async Task<Ok<DeletedRows>> DeleteRows(
        string id, AdvertiserRows rows, ClaimsPrincipal user, IMediator mediator, DateOnly? from, DateOnly? to, string? scenario, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DeleteAdvertiserRows(user.TenantId(), id, rows, from, to, scenario), cancellationToken));
}
