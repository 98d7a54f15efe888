using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Application.Tenants.CreateTenant;
using Forecast.Application.Tenants.IssueApiKey;
using Forecast.Application.Tenants.ListApiKeys;
using Forecast.Application.Tenants.RevokeApiKey;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Endpoints;

/// <summary>Tenant administration, with the operator's admin key.</summary>
internal static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this RouteGroupBuilder v1)
    {
        var tenants = v1.MapGroup("/tenants").WithTags("Tenants (admin)").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        tenants.MapPost("/", CreateTenant)
            .WithSummary("Create a tenant and its first API key")
            .WithDescription("Returns the key in clear once; only its hash is stored.")
            .WithRequestExample(new TenantBody("Acme Ads"));
        tenants.MapPost("/{tenantId:guid}/api-keys", IssueApiKey)
            .WithSummary("Issue another API key for a tenant")
            .WithDescription("For key rotation with overlap: issue the new key (optionally with expiresAt), deploy it while the old one still works, then revoke the old one.")
            .WithRequestExample(new ApiKeyBody("dashboard-prod"));
        tenants.MapGet("/{tenantId:guid}/api-keys", ListApiKeys)
            .WithSummary("List a tenant's API keys")
            .WithDescription("Label, hint, issue, expiry, last use (to within 30 s) and revocation of each key; never the key itself.");
        tenants.MapDelete("/{tenantId:guid}/api-keys/{keyId:guid}", RevokeApiKey)
            .WithSummary("Revoke an API key")
            .WithDescription("Requests with the key are refused from now on, on every instance (announced on the database).");
        return v1;
    }

    private static async Task<Created<CreatedTenant>> CreateTenant(TenantBody body, IMediator mediator, CancellationToken cancellationToken)
    {
        var tenant = await mediator.Send(new CreateTenant(body.Name), cancellationToken);
        return TypedResults.Created($"/v1/tenants/{tenant.Id}", tenant);
    }

    private static async Task<Created<IssuedApiKey>> IssueApiKey(
        Guid tenantId, ApiKeyBody body, IMediator mediator, CancellationToken cancellationToken)
    {
        var key = await mediator.Send(new IssueApiKey(tenantId, body.Label, body.ExpiresAt), cancellationToken);
        return TypedResults.Created($"/v1/tenants/{tenantId}/api-keys/{key.Id}", key);
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListApiKeys(Guid tenantId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeys(tenantId), cancellationToken));

    private static async Task<NoContent> RevokeApiKey(
        Guid tenantId, Guid keyId, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKey(tenantId, keyId), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A new tenant.</summary>
    /// <param name="Name">Display name of the tenant.</param>
    public sealed record TenantBody(string Name);

    /// <summary>A new API key.</summary>
    /// <param name="Label">What the key is for.</param>
    /// <param name="ExpiresAt">When the key stops working by itself (optional; none: until revoked).</param>
    public sealed record ApiKeyBody(string Label, DateTimeOffset? ExpiresAt = null);
}
