using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Application.Advertisers;
using Forecast.Application.Advertisers.GetAdvertiser;
using Forecast.Application.Advertisers.ListAdvertisers;
using Forecast.Application.Advertisers.UpsertAdvertiser;
using Forecast.Application.Common.Paging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>The tenant's advertiser accounts.</summary>
internal static class AdvertisersApi
{
    public static RouteGroupBuilder MapAdvertisersApi(this RouteGroupBuilder v1)
    {
        var advertisers = v1.MapGroup("/advertisers").WithTags("Advertisers").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        advertisers.MapPut("/{id}", Upsert)
            .WithSummary("Create or update an advertiser")
            .WithDescription("201 when created, 200 when it existed; the same request again changes nothing.")
            .WithRequestExample(new AdvertiserBody("Acme Shoes", new Dictionary<string, string>
            {
                ["industry"] = "retail",
                ["region"] = "FR",
                ["tier"] = "gold",
            }));
        advertisers.MapGet("/{id}", Get).WithSummary("Get an advertiser");
        advertisers.MapGet("/", List)
            .WithSummary("List advertisers")
            .WithDescription("In id order (byte order), keyset-paged: pass nextCursor back as cursor until it is null.");
        return v1;
    }

    private static async Task<Results<Created<AdvertiserDto>, Ok<AdvertiserDto>>> Upsert(
        string id, AdvertiserBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new UpsertAdvertiser(user.TenantId(), id, body.Name, body.Profile), cancellationToken);
        return result.Created
            ? TypedResults.Created($"/v1/advertisers/{Uri.EscapeDataString(id)}", result.Value)
            : TypedResults.Ok(result.Value);
    }

    private static async Task<Ok<AdvertiserDto>> Get(
        string id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetAdvertiser(user.TenantId(), id), cancellationToken));

    private static async Task<Ok<Page<AdvertiserDto>>> List(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, string? cursor = null,
        int limit = KeysetCursor.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListAdvertisers(user.TenantId(), cursor, limit), cancellationToken));

    /// <summary>An advertiser's name and profile.</summary>
    /// <param name="Name">Display name; defaults to the id.</param>
    /// <param name="Profile">Profile attributes: industry, region, account age, tier... Replaces the stored profile.</param>
    public sealed record AdvertiserBody(string? Name = null, Dictionary<string, string>? Profile = null);
}
