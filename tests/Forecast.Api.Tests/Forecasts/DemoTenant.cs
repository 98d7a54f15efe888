using System.Net;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Tests.Forecasts;

/// <summary>A new tenant loaded with the shipped real demo data, and an advertiser that delivered in its last week.</summary>
internal static class DemoTenant
{
    public static async Task<(TenantClient Tenant, string ActiveAdvertiser)> CreateAsync(ForecastApp app)
    {
        var tenant = await app.NewTenantAsync("Demo");
        await using var scope = app.Services.CreateAsyncScope();
        var path = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.DataPath;
        await scope.ServiceProvider.GetRequiredService<TabmoCampaignImporter>().ImportAsync(tenant.Id, path, CancellationToken.None);
        var active = (string)(await app.Database.ScalarAsync("""
            SELECT a.external_id FROM daily_metrics m JOIN advertisers a ON a.tenant_id = m.tenant_id AND a.id = m.advertiser_id
            WHERE m.tenant_id = $1 AND m.date > (SELECT max(date) - 7 FROM daily_metrics WHERE tenant_id = $1)
            GROUP BY a.external_id ORDER BY sum(m.impressions) DESC LIMIT 1
            """, tenant.Id))!;
        return (tenant, active);
    }

    /// <summary>The tenant's forecast summary once the scoring run after its first training has stored forecasts.</summary>
    public static async Task<JsonElement> WaitForSummaryAsync(TenantClient tenant)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await tenant.Http.GetAsync("/v1/forecasts/summary");
            if (response.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > deadline)
            {
                return await response.ReadJsonAsync(HttpStatusCode.OK);
            }

            await Task.Delay(500);
        }
    }
}
