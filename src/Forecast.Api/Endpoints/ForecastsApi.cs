using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Application.Forecasts;
using Forecast.Application.Forecasts.ExportForecasts;
using Forecast.Application.Forecasts.GetAdvertiserForecasts;
using Forecast.Application.Forecasts.GetForecastChart;
using Forecast.Application.Forecasts.GetForecastSummary;
using Forecast.Application.Forecasts.QueryForecasts;
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
                + "as-of date, model version and the experts' attention weights. 409 when the tenant has no champion model yet. "
                + "With asOf=YYYY-MM-DD, the forecast as it was issued as of that past day (404 when none was, or it is past retention).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        v1.MapGet("/advertisers/{id}/forecasts/chart", Chart)
            .WithTags("Forecasts")
            .RequireAuthorization(ApiKeyDefaults.TenantPolicy)
            .WithSummary("A PNG chart of an advertiser's history, forecast and interval for one scenario and task")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status409Conflict);
        var forecasts = v1.MapGroup("/forecasts").WithTags("Forecasts").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        forecasts.MapPost("/query", Query)
            .WithSummary("Forecast up to 1,000 advertisers at once")
            .WithDescription("Served from the batch-scored forecasts when fresh, else computed by the champion. Unknown ids are listed, not an error.")
            .WithRequestExample(new ForecastQueryBody(["934", "1034"], "app"))
            .ProducesProblem(StatusCodes.Status409Conflict);
        forecasts.MapGet("/export", Export)
            .WithSummary("Every advertiser's current forecasts in one file (CSV or Parquet)")
            .WithDescription("One row per advertiser × scenario × task with the figures the JSON API gives (forecast, rate, 80% interval, "
                + "forecaster, churn probability, as-of day, model version): the champion's batch-scored forecasts of the tenant's latest day, "
                + "streamed from the database as they are written. format=csv (RFC 4180) or parquet; horizon as the forecast endpoint; scenario "
                + "narrows to one. 409 without a champion.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.apache.parquet")
            .ProducesProblem(StatusCodes.Status409Conflict);
        forecasts.MapGet("/summary", Summary)
            .WithSummary("Portfolio totals and the advertisers most likely to churn")
            .WithDescription("From the champion's batch-scored forecasts of the tenant's latest day.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    private static async Task<FileContentHttpResult> Chart(
        string id, string scenario, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, string task = "impressions")
    {
        var chart = await mediator.Send(new GetForecastChart(user.TenantId(), id, scenario, task), cancellationToken);
        return TypedResults.File(ForecastChartRenderer.Png(chart), "image/png");
    }

    private static async Task<Ok<ForecastQueryResult>> Query(
        ForecastQueryBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new QueryForecasts(user.TenantId(), body.AdvertiserIds, body.Scenario), cancellationToken));

    private static async Task<PushStreamHttpResult> Export(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, string format = "csv", int horizon = 7, string? scenario = null)
    {
        var export = await mediator.Send(new ExportForecasts(user.TenantId(), format, horizon, scenario), cancellationToken);
        return TypedResults.Stream(
            output => export.Format.WriteAsync(output, export.Rows, cancellationToken),
            export.Format.ContentType,
            $"forecasts.{export.Format.Name}");
    }

    private static async Task<Ok<ForecastSummaryDto>> Summary(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, string? scenario = null) =>
        TypedResults.Ok(await mediator.Send(new GetForecastSummary(user.TenantId(), scenario), cancellationToken));

    /// <summary>Advertisers to forecast.</summary>
    /// <param name="AdvertiserIds">Up to 1,000 advertiser ids.</param>
    /// <param name="Scenario">Only this scenario, when given.</param>
    public sealed record ForecastQueryBody(IReadOnlyList<string> AdvertiserIds, string? Scenario = null);

    private static async Task<Ok<AdvertiserForecastDto>> GetAdvertiserForecasts(
        string id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, int horizon = 7, string? scenario = null, DateOnly? asOf = null) =>
        TypedResults.Ok(await mediator.Send(new GetAdvertiserForecasts(user.TenantId(), id, horizon, scenario, asOf), cancellationToken));
}
