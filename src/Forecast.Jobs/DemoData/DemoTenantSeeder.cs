using Forecast.Application.Common.Persistence;
using Forecast.Application.Models;
using Forecast.Application.Tenants.ProvisionTenant;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.DemoData;

/// <summary>
/// On start (after migrations), provisions the demo tenant and, the first time only, imports the demo data and queues
/// the first M2M and CTR trainings, so the demo serves forecasts and bid estimates minutes after the first start; a
/// second start finds the tenant and skips the import (nightly retraining is scheduled with the tenant).
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
        var scheduler = scope.ServiceProvider.GetRequiredService<ITrainingScheduler>();
        if (!tenant.Created)
        {
            // A database from an earlier version may predate a model kind: schedules are refreshed, missing kinds trained.
            scheduler.ScheduleRetraining(tenant.TenantId);
            var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
            var missing = ModelKinds.Trainable.Except(await db.Models.Where(model => model.TenantId == tenant.TenantId)
                .Select(model => model.Kind).Distinct().ToListAsync(cancellationToken)).ToList();
            missing.ForEach(kind => scheduler.EnqueueTraining(tenant.TenantId, kind));
            logger.LogInformation("Demo tenant {TenantId} already loaded; training queued for kinds without models: {Kinds}",
                tenant.TenantId, missing.Count == 0 ? "none" : string.Join(", ", missing));
            return;
        }

        var importer = scope.ServiceProvider.GetRequiredService<TabmoCampaignImporter>();
        var summary = await importer.ImportAsync(tenant.TenantId, demo.DataPath, cancellationToken);
        var forecasts = scheduler.EnqueueTraining(tenant.TenantId, ModelKinds.M2M);
        var clicks = scheduler.EnqueueTraining(tenant.TenantId, ModelKinds.Ctr);
        logger.LogInformation("Demo tenant {TenantId} loaded: {Summary}; first trainings are jobs {M2MJobId} (m2m) and {CtrJobId} (ctr)",
            tenant.TenantId, summary, forecasts, clicks);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
