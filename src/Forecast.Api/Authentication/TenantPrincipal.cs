using System.Security.Claims;

namespace Forecast.Api.Authentication;

internal static class TenantPrincipal
{
    /// <summary>The tenant of a request that passed the tenant policy.</summary>
    public static Guid TenantId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ApiKeyDefaults.TenantClaim)
            ?? throw new InvalidOperationException("The endpoint is not protected by the tenant policy."));
}
