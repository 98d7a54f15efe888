using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Application.Webhooks;
using Forecast.Application.Webhooks.DeleteWebhook;
using Forecast.Application.Webhooks.ListWebhookDeliveries;
using Forecast.Application.Webhooks.ListWebhooks;
using Forecast.Application.Webhooks.RegisterWebhook;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>The tenant's webhook subscriptions and their delivery logs.</summary>
internal static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder v1)
    {
        var webhooks = v1.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(ApiKeyDefaults.TenantPolicy);
        webhooks.MapPost("/", Register)
            .WithSummary("Subscribe a URL to events")
            .WithDescription("Events: " + string.Join(", ", WebhookEvents.All) + ". Each delivery is a JSON POST with headers Forecast-Event, Forecast-Delivery (the same id on every retry) and "
                + "Forecast-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" under the secret>. The secret is in this answer only. A non-2xx answer or no answer is retried with back-off.")
            .WithRequestExample(new WebhookBody("https://hooks.example.com/forecast", [WebhookEvents.TrainingFailed, WebhookEvents.ChurnRisk], 0.6));
        webhooks.MapGet("/", List).WithSummary("List webhook subscriptions");
        webhooks.MapDelete("/{id:guid}", Delete).WithSummary("Delete a webhook subscription and its delivery log");
        webhooks.MapGet("/{id:guid}/deliveries", Deliveries).WithSummary("A subscription's deliveries, newest first, with every attempt's outcome");
        return v1;
    }

    private static async Task<Created<WebhookDto>> Register(WebhookBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken)
    {
        var webhook = await mediator.Send(new RegisterWebhook(user.TenantId(), body.Url, body.Events, body.ChurnRiskThreshold), cancellationToken);
        return TypedResults.Created($"/v1/webhooks/{webhook.Id}", webhook);
    }

    private static async Task<Ok<IReadOnlyList<WebhookDto>>> List(ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListWebhooks(user.TenantId()), cancellationToken));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhook(user.TenantId(), id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<WebhookDeliveryDto>>> Deliveries(
        Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken, int limit = 100) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookDeliveries(user.TenantId(), id, limit), cancellationToken));

    /// <summary>A webhook subscription.</summary>
    /// <param name="Url">https URL to POST deliveries to (http only to a loopback address).</param>
    /// <param name="Events">Events to receive.</param>
    /// <param name="ChurnRiskThreshold">churn.risk: the probability an advertiser's churn must rise to (0–1, default 0.5).</param>
    public sealed record WebhookBody(string? Url, IReadOnlyList<string>? Events, double? ChurnRiskThreshold = null);
}
