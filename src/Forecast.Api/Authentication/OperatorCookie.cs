using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Authentication;

/// <summary>
/// The operator's browser session for the Hangfire dashboard: the admin key posted once to the login page sets an
/// HttpOnly, SameSite=Strict cookie that expires after <see cref="Lifetime"/> and dies with a change of admin key. It
/// authenticates /hangfire only; the API itself keeps to X-Api-Key, so no API call can ride on the cookie.
/// </summary>
internal static class OperatorCookie
{
    public const string Scheme = "OperatorCookie";
    public const string LoginPath = "/operator/login";
    public const string LogoutPath = "/operator/logout";
    public const string DashboardPath = "/hangfire";
    private const string KeyStampClaim = "admin_key_stamp";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static AuthenticationBuilder AddOperatorCookie(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "forecast_operator";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = Lifetime;
            options.SlidingExpiration = false;
            options.LoginPath = LoginPath;
            options.Events.OnValidatePrincipal = context =>
            {
                var stamp = context.HttpContext.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.KeyStamp();
                if (context.Principal?.FindFirstValue(KeyStampClaim) != stamp)
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            };
        });

    public static ClaimsPrincipal Operator(AdminOptions admin) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, ApiKeyDefaults.AdminRole), new Claim(KeyStampClaim, admin.KeyStamp())], Scheme));

    /// <summary>
    /// Before the dashboard: a valid operator cookie becomes the request's user; a browser without one is sent to the
    /// login page (other clients keep the dashboard's own 401, or pass with the admin key in X-Api-Key).
    /// </summary>
    public static async Task GateDashboardAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.User.IsInRole(ApiKeyDefaults.AdminRole))
        {
            var session = await http.AuthenticateAsync(Scheme);
            if (session.Succeeded)
            {
                http.User = session.Principal;
            }
            else if (HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                http.Response.Redirect($"{LoginPath}?returnUrl={Uri.EscapeDataString(http.Request.PathBase + http.Request.Path + http.Request.QueryString)}");
                return;
            }
        }

        await next(http);
    }
}
