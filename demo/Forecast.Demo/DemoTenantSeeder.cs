using Forecast.Application.Common.Persistence;
using Forecast.Application.Registry;
using Forecast.Application.Tenants.ProvisionTenant;
using Forecast.Domain.Registry;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Demo;

/// <summary>
/// On start (after migrations), provisions the demo tenant and, the first time only, imports the demo data and queues
/// the first forecast model and CTR trainings, so the demo serves forecasts and bid estimates minutes after the first start; a
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
            // A first training stopped midway (Ctrl-C), or a database from an earlier version without some kind: every kind
            // that never completed a model is trained, unless its training is still queued or running (a job whose process
            // died is taken over by the next live server within the abandoned-job timeout).
            var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
            var stored = await db.Tenants.AsNoTracking().SingleAsync(candidate => candidate.Id == tenant.TenantId, cancellationToken);
            scheduler.ScheduleRetraining(tenant.TenantId, stored.Retraining);
            var completed = await db.Models
                .Where(model => model.TenantId == tenant.TenantId
                    && (model.Status == ModelStatus.Candidate || model.Status == ModelStatus.Champion || model.Status == ModelStatus.Retired))
                .Select(model => model.Kind).Distinct().ToListAsync(cancellationToken);
            var missing = ModelKinds.Trainable.Except(completed).ToList();
            var jobs = new List<string>();
            foreach (var kind in missing)
            {
                jobs.Add($"{kind}: job {await scheduler.TrainAsync(tenant.TenantId, kind, cancellationToken)}");
            }

            logger.LogInformation("Demo tenant {TenantId} already loaded; kinds without a completed model: {Kinds}",
                tenant.TenantId, jobs.Count == 0 ? "none" : string.Join(", ", jobs));
            return;
        }

        var importer = scope.ServiceProvider.GetRequiredService<TabmoCampaignImporter>();
        var summary = await importer.ImportAsync(tenant.TenantId, demo.DataPath, cancellationToken);
        // Forecasts first, bids after: were this process stopped during the first training, the next start's only
        // worker takes the interrupted forecast training over before it turns to the CTR models.
        var forecasts = await scheduler.TrainAsync(tenant.TenantId, ModelKinds.Forecast, cancellationToken);
        var clicks = scheduler.EnqueueTraining(tenant.TenantId, ModelKinds.Ctr, after: forecasts);
        logger.LogInformation("Demo tenant {TenantId} loaded: {Summary}; first trainings are jobs {ForecastJobId} (forecast) and {CtrJobId} (ctr)",
            tenant.TenantId, summary, forecasts, clicks);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
