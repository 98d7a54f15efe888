using System.Security.Claims;

namespace Forecast.Api.Authentication;

/// <summary>Who a request speaks for, as the API-key handler put it on the principal.</summary>
public static class TenantPrincipal
{
    /// <summary>The tenant of a request that passed the tenant policy.</summary>
    public static Guid TenantId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ApiKeyDefaults.TenantClaim)
            ?? throw new InvalidOperationException("The endpoint is not protected by the tenant policy."));
}
