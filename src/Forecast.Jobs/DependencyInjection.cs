using Forecast.Jobs.DemoData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Jobs;

public static class DependencyInjection
{
    /// <summary>Background data work: the demo data importer, and the demo tenant on start when enabled.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var demo = configuration.GetSection(DemoOptions.Section);
        services.Configure<DemoOptions>(demo);
        services.AddScoped<TabmoCampaignImporter>();
        if (demo.GetValue<bool>(nameof(DemoOptions.Enabled)))
        {
            services.AddHostedService<DemoTenantSeeder>();
        }

        return services;
    }
}
