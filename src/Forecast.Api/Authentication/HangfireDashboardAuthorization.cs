using Hangfire.Dashboard;

namespace Forecast.Api.Authentication;

/// <summary>The Hangfire dashboard is for operators: the admin key (X-Api-Key header) only.</summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(ApiKeyDefaults.AdminRole);
}
