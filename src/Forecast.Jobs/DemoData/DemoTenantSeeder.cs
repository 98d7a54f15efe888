using Forecast.Application.Models;
using Forecast.Application.Tenants.ProvisionTenant;
using Mediator;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.DemoData;

/// <summary>
/// On start (after migrations), provisions the demo tenant and, the first time only, imports the demo data and queues
/// the first M2M training, so the demo serves forecasts minutes after the first start; a second start finds the tenant
/// and skips both (nightly retraining is scheduled with the tenant).
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
        var job = scope.ServiceProvider.GetRequiredService<ITrainingScheduler>().EnqueueTraining(tenant.TenantId, ModelKinds.M2M);
        logger.LogInformation("Demo tenant {TenantId} loaded: {Summary}; first M2M training is job {JobId}", tenant.TenantId, summary, job);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
