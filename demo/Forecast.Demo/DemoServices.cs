namespace Forecast.Demo;

public static class DemoServices
{
    /// <summary>The TabMo importer, and with Forecast:Demo:Enabled the demo tenant loaded on start.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
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
