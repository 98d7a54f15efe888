using System.Net;
using Forecast.Api.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Authentication;

/// <summary>The login page for operators: one field, the admin key, posted once; then the dashboard.</summary>
internal static class OperatorLogin
{
    public static IEndpointRouteBuilder MapOperatorLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(OperatorCookie.LoginPath, (string? returnUrl) => Page(returnUrl, null, StatusCodes.Status200OK)).ExcludeFromDescription();
        app.MapPost(OperatorCookie.LoginPath, LogInAsync).RequireRateLimiting(ApiRateLimits.Login).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost(OperatorCookie.LogoutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(OperatorCookie.Scheme);
            return Results.Redirect(OperatorCookie.LoginPath);
        }).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> LogInAsync(HttpContext http, IOptions<AdminOptions> admin, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = form["returnUrl"].ToString();
        if (!admin.Value.IsAdminKey(form["adminKey"].ToString()))
        {
            return Page(returnUrl, "That is not the admin key.", StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(OperatorCookie.Scheme, OperatorCookie.Operator(admin.Value), new AuthenticationProperties { IsPersistent = false });
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : OperatorCookie.DashboardPath);
    }

    // Only a path of this site: an absolute or protocol-relative URL would make the login an open redirect.
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Page(string? returnUrl, string? error, int status)
    {
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Forecast · operator login</title>
              <style>
                body { font-family: system-ui, sans-serif; background: #f4f5f7; display: grid; place-items: center; min-height: 100vh; margin: 0; }
                form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); width: 22rem; }
                h1 { font-size: 1.25rem; margin: 0 0 1rem; }
                label { display: block; margin-bottom: .5rem; }
                input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; margin-bottom: 1rem; }
                button { padding: .5rem 1rem; }
                .error { color: #b00020; margin: 0 0 1rem; }
              </style>
            </head>
            <body>
              <form method="post" action="{{OperatorCookie.LoginPath}}">
                <h1>Forecast operations</h1>
                {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}}
                <label for="adminKey">Admin key</label>
                <input id="adminKey" name="adminKey" type="password" autocomplete="current-password" required autofocus>
                <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? OperatorCookie.DashboardPath)}}">
                <button type="submit">Log in</button>
              </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
