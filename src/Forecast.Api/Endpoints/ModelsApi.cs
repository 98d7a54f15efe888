using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.RateLimiting;
using Forecast.Application.Registry;
using Forecast.Application.Registry.GetModel;
using Forecast.Application.Registry.ListModels;
using Forecast.Application.Registry.PromoteModel;
using Forecast.Application.Registry.RollbackModel;
using Forecast.Application.Registry.TrainModel;
using Forecast.Application.TrainingJobs.GetTrainingJob;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>The tenant's model registry and training jobs.</summary>
internal static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder v1)
    {
        var models = v1.MapGroup("/models").WithTags("Models").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        models.MapPost("/{kind}/train", Train)
            .RequireRateLimiting(ApiRateLimits.Training)
            .WithSummary("Train a model now")
            .WithDescription("Queues a training run (kind: forecast or ctr; m2m, its former name, still reaches forecast) and returns 202 with the job to follow. The new model becomes champion only if it beats the current one on the same validation days; a ctr run trains every architecture and puts forward the one with the lowest validation log-loss.");
        models.MapGet("/", List).WithSummary("List registered models, newest first");
        models.MapGet("/{id:guid}", Get).WithSummary("A registered model with its metrics and hyper-parameters");
        models.MapPost("/{id:guid}/promote", Promote).WithSummary("Make a model the champion by hand");
        models.MapPost("/{kind}/rollback", Rollback).WithSummary("Give the champion title back to the previous champion");

        v1.MapGet("/jobs/{id}", GetJob).WithTags("Models").RequireAuthorization(ApiKeyDefaults.TenantPolicy)
            .WithSummary("A training job: state, progress, timestamps and error");
        return v1;
    }

    private static async Task<Accepted<TrainingAccepted>> Train(string kind, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken)
    {
        var accepted = await mediator.Send(new TrainModel(user.TenantId(), ModelKinds.Named(kind)), cancellationToken);
        return TypedResults.Accepted($"/v1/jobs/{accepted.JobId}", accepted);
    }

    private static async Task<Ok<IReadOnlyList<ModelDto>>> List(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, string? kind = null) =>
        TypedResults.Ok(await mediator.Send(new ListModels(user.TenantId(), kind is null ? null : ModelKinds.Named(kind)), cancellationToken));

    private static async Task<Ok<ModelDto>> Get(Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetModel(user.TenantId(), id), cancellationToken));

    private static async Task<Ok<ModelDto>> Promote(Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new PromoteModel(user.TenantId(), id), cancellationToken));

    private static async Task<Ok<ModelDto>> Rollback(string kind, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RollbackModel(user.TenantId(), ModelKinds.Named(kind)), cancellationToken));

    private static async Task<Ok<TrainingJobDto>> GetJob(string id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetTrainingJob(user.TenantId(), id), cancellationToken));
}
