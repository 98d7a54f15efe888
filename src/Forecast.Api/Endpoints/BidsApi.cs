using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Application.Bids;
using Forecast.Application.Bids.EstimateBid;
using Forecast.Application.Bids.EstimateBids;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>Bid estimation from the tenant's CTR champion and auction outcomes.</summary>
internal static class BidsApi
{
    private const string Description =
        "pCTR from the tenant's champion CTR model (pCVR from tracked conversions for cpa goals) and the CPM bid that pays the goal's target on "
        + "expectation: cpc: 1000·pCTR·target; cpa: 1000·pCTR·pCVR·target; ecpm: the target. The landscape (win rate, impressions, clicks and "
        + "spend per day for a grid of bids) comes from the scenario's market prices in the last 28 days of auction outcomes; without them it "
        + "is null and landscapeUnavailableReason says why. 409 when the tenant has no CTR champion yet.";

    private static readonly BidRequest Example = new("934", "app", new BidGoal(BidGoals.Cpc, 0.80m), new DateTimeOffset(2019, 3, 28, 16, 0, 0, TimeSpan.Zero));

    public static RouteGroupBuilder MapBidsApi(this RouteGroupBuilder v1)
    {
        var bids = v1.MapGroup("/bids").WithTags("Bids").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        bids.MapPost("/estimate", Estimate)
            .WithSummary("Estimate the bid for an ad opportunity")
            .WithDescription(Description)
            .WithRequestExample(Example)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        bids.MapPost("/estimate/batch", EstimateBatch)
            .WithSummary("Estimate bids for up to 1,000 ad opportunities")
            .WithDescription(Description + " Unknown advertisers or scenarios are a 422 naming each item.")
            .WithRequestExample(new BidBatchBody([Example, Example with { Scenario = "site", Goal = new BidGoal(BidGoals.Ecpm, 2.5m) }]))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return v1;
    }

    private static async Task<Ok<BidEstimateDto>> Estimate(BidRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new EstimateBid(user.TenantId(), body), cancellationToken));

    private static async Task<Ok<BidBatchResult>> EstimateBatch(BidBatchBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new BidBatchResult(await mediator.Send(new EstimateBids(user.TenantId(), body.Items ?? []), cancellationToken)));
}

/// <summary>Opportunities to price.</summary>
/// <param name="Items">1 to 1,000 opportunities.</param>
internal sealed record BidBatchBody(IReadOnlyList<BidRequest>? Items);

/// <summary>Estimates in the order of the items.</summary>
/// <param name="Items">One estimate per item.</param>
internal sealed record BidBatchResult(IReadOnlyList<BidEstimateDto> Items);
