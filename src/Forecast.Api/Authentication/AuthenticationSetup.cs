using Microsoft.AspNetCore.Authentication;

namespace Forecast.Api.Authentication;

internal static class AuthenticationSetup
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null)
            .AddOperatorCookie();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.TenantPolicy, policy => policy.RequireClaim(ApiKeyDefaults.TenantClaim))
            .AddPolicy(ApiKeyDefaults.AdminPolicy, policy => policy.RequireRole(ApiKeyDefaults.AdminRole));
        return services;
    }
}
