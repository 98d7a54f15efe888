using Forecast.Application.Tenants.ProvisionTenant;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.DemoData;

/// <summary>
/// On start (after migrations), provisions the demo tenant and, the first time only, imports the demo data; a second
/// start finds the tenant and skips the import, which would change nothing anyway.
/// </summary>
internal sealed class DemoTenantSeeder(
    IServiceScopeFactory scopes, IOptions<DemoOptions> options, ILogger<DemoTenantSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (string.IsNullOrEmpty(demo.ApiKey))
        {
            throw new InvalidOperationException($"{DemoOptions.Section}:ApiKey must be set when the demo is enabled.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var tenant = await mediator.Send(new ProvisionTenant(demo.TenantName, demo.ApiKey), cancellationToken);
        if (!tenant.Created)
        {
            logger.LogInformation("Demo tenant {TenantId} already loaded", tenant.TenantId);
            return;
        }

        var importer = scope.ServiceProvider.GetRequiredService<TabmoCampaignImporter>();
        var summary = await importer.ImportAsync(tenant.TenantId, demo.DataPath, cancellationToken);
        logger.LogInformation("Demo tenant {TenantId} loaded: {Summary}", tenant.TenantId, summary);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
