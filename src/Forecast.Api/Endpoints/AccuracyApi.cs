using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Application.Accuracy;
using Forecast.Application.Accuracy.GetAccuracy;
using Forecast.Application.Accuracy.GetAccuracyChart;
using Forecast.Application.Accuracy.GetModelAccuracy;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>Live accuracy: the forecasts issued, judged once their horizon's actuals arrived.</summary>
internal static class AccuracyApi
{
    public static RouteGroupBuilder MapAccuracyApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/models/{id:guid}/accuracy", ModelAccuracy)
            .WithTags("Accuracy")
            .RequireAuthorization(ApiKeyDefaults.TenantPolicy)
            .WithSummary("A model's live accuracy: its issued forecasts against the actuals that arrived")
            .WithDescription("Per task, scenario and as-of day: SMAPE, NMAE, 80% interval coverage and churn Brier score, next to the seasonal "
                + "naive on the same pairs and the model's validation SMAPE; and the last drift found, with the retraining it queued.");
        var accuracy = v1.MapGroup("/accuracy").WithTags("Accuracy").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        accuracy.MapGet("/", TenantAccuracy)
            .WithSummary("The tenant's live accuracy over the forecasts issued from one day to another")
            .WithDescription("Every judged forecast whose as-of day is in [from, to] (both optional), in one scenario or all: per task for what was served (each day, the forecasts of the model that scored it last), and per model.");
        accuracy.MapGet("/chart", Chart)
            .WithSummary("A PNG chart of live accuracy by as-of day: the served forecasts' SMAPE (Brier for churn) against the seasonal naive")
            .Produces(StatusCodes.Status200OK, contentType: "image/png");
        return v1;
    }

    private static async Task<Ok<ModelAccuracyDto>> ModelAccuracy(Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetModelAccuracy(user.TenantId(), id), cancellationToken));

    private static async Task<Ok<TenantAccuracyDto>> TenantAccuracy(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null, string? scenario = null) =>
        TypedResults.Ok(await mediator.Send(new GetAccuracy(user.TenantId(), from, to, scenario), cancellationToken));

    private static async Task<FileContentHttpResult> Chart(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken,
        string task = "clicks", string? scenario = null, DateOnly? from = null, DateOnly? to = null)
    {
        var chart = await mediator.Send(new GetAccuracyChart(user.TenantId(), task, scenario, from, to), cancellationToken);
        return TypedResults.File(AccuracyChartRenderer.Png(chart), "image/png");
    }
}
