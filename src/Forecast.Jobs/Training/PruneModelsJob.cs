using Forecast.Application.Common.Persistence;
using Forecast.Domain.Registry;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Training;

/// <summary>
/// Deletes a tenant's old models: the champion always stays, and so do the most recent models of each kind (for
/// rollback and comparison): five per kind and architecture, as a CTR run registers one of each); older candidates, retired and failed models, with their artifacts, go.
/// </summary>
public sealed class PruneModelsJob(IForecastDbContext db, ILogger<PruneModelsJob> logger)
{
    public const int KeptPerArchitecture = 5;

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var models = await db.Models.AsNoTracking()
            .Where(model => model.TenantId == tenantId)
            .Select(model => new { model.Id, model.Kind, model.Architecture, model.Status, model.CreatedAt })
            .ToListAsync(cancellationToken);
        var doomed = models
            .GroupBy(model => (model.Kind, model.Architecture))
            .SelectMany(kind => kind.OrderByDescending(model => model.CreatedAt).Skip(KeptPerArchitecture))
            .Where(model => model.Status is not (ModelStatus.Champion or ModelStatus.Training))
            .Select(model => model.Id)
            .ToList();
        var deleted = await db.Models.Where(model => model.TenantId == tenantId && doomed.Contains(model.Id)).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Tenant {TenantId}: pruned {Deleted} old models", tenantId, deleted);
    }
}
