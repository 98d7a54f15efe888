using Hangfire.Dashboard;

namespace Forecast.Api.Authentication;

/// <summary>
/// The Hangfire dashboard is for operators: the admin key in X-Api-Key, or the operator's login cookie (which
/// <see cref="OperatorCookie.GateDashboardAsync"/> has made the request's user).
/// </summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(ApiKeyDefaults.AdminRole);
}
