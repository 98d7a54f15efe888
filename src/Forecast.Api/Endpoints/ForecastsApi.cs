using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Application.Forecasts;
using Forecast.Application.Forecasts.GetAdvertiserForecasts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>Forecasts from the tenant's champion model.</summary>
internal static class ForecastsApi
{
    public static RouteGroupBuilder MapForecastsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/advertisers/{id}/forecasts", GetAdvertiserForecasts)
            .WithTags("Forecasts")
            .RequireAuthorization(ApiKeyDefaults.TenantPolicy)
            .WithSummary("Forecast an advertiser's next days in every scenario")
            .WithDescription("Spend (when sent), impressions, clicks and active days over the horizon with 80% intervals, churn probability, "
                + "as-of date, model version and the experts' attention weights. 409 when the tenant has no champion model yet.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    private static async Task<Ok<AdvertiserForecastDto>> GetAdvertiserForecasts(
        string id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, int horizon = 7, string? scenario = null) =>
        TypedResults.Ok(await mediator.Send(new GetAdvertiserForecasts(user.TenantId(), id, horizon, scenario), cancellationToken));
}
