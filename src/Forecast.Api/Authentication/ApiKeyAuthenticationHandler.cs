using System.Security.Claims;
using System.Text.Encodings.Web;
using Forecast.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Authentication;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header: the configured admin key grants the admin role, a tenant key the
/// tenant's identity. Refusals are ProblemDetails (401 without a valid key, 403 for a tenant key on admin routes).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyResolver resolver,
    IOptions<AdminOptions> admin,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.Header, out var values) || values.ToString() is not { Length: > 0 } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (admin.Value.IsAdminKey(key))
        {
            return Success(new Claim(ClaimTypes.Role, ApiKeyDefaults.AdminRole));
        }

        return await resolver.ResolveTenantAsync(key, Context.RequestAborted) is { } tenantId
            ? Success(new Claim(ApiKeyDefaults.TenantClaim, tenantId.ToString()))
            : AuthenticateResult.Fail("Unknown or revoked API key.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Missing or invalid API key",
            $"Send a valid API key in the {ApiKeyDefaults.Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed with this key",
            "This operation needs the admin key; tenant keys act only on their own tenant's data.");

    private AuthenticateResult Success(Claim claim) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([claim], Scheme.Name)), Scheme.Name));

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
