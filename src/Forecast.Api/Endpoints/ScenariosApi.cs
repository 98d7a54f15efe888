using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Application.Common.Paging;
using Forecast.Application.Scenarios;
using Forecast.Application.Scenarios.GetScenario;
using Forecast.Application.Scenarios.ListScenarios;
using Forecast.Application.Scenarios.UpsertScenario;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>The tenant's advertising scenarios.</summary>
internal static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder v1)
    {
        var scenarios = v1.MapGroup("/scenarios").WithTags("Scenarios").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        scenarios.MapPut("/{key}", Upsert)
            .WithSummary("Create or update a scenario")
            .WithDescription("201 when created, 200 when it existed. A new scenario is forecast from its attributes (cold start).")
            .WithRequestExample(new ScenarioBody("Sponsored search", new Dictionary<string, string>
            {
                ["channel"] = "search",
                ["billing"] = "cpc",
            }));
        scenarios.MapGet("/{key}", Get).WithSummary("Get a scenario");
        scenarios.MapGet("/", List)
            .WithSummary("List scenarios")
            .WithDescription("In key order (byte order), keyset-paged: pass nextCursor back as cursor until it is null.");
        return v1;
    }

    private static async Task<Results<Created<ScenarioDto>, Ok<ScenarioDto>>> Upsert(
        string key, ScenarioBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new UpsertScenario(user.TenantId(), key, body.Name, body.Attributes), cancellationToken);
        return result.Created
            ? TypedResults.Created($"/v1/scenarios/{Uri.EscapeDataString(key)}", result.Value)
            : TypedResults.Ok(result.Value);
    }

    private static async Task<Ok<ScenarioDto>> Get(
        string key, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetScenario(user.TenantId(), key), cancellationToken));

    private static async Task<Ok<Page<ScenarioDto>>> List(
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, string? cursor = null,
        int limit = KeysetCursor.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListScenarios(user.TenantId(), cursor, limit), cancellationToken));

    /// <summary>A scenario's name and attributes.</summary>
    /// <param name="Name">Display name; defaults to the key.</param>
    /// <param name="Attributes">Scenario attributes: channel, billing type, placement... Replaces the stored attributes.</param>
    public sealed record ScenarioBody(string? Name = null, Dictionary<string, string>? Attributes = null);
}
