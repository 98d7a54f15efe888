using Forecast.Application.Common.Persistence;
using Forecast.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Training;

/// <summary>The registry rows of a training run: opened in Training when it starts, failed together when it fails.</summary>
internal static class RegistryRuns
{
    /// <summary>
    /// Marks the kind's runs that never finished as interrupted (only one run per tenant and kind can be alive: the job
    /// holds a distributed lock) and registers one Training row per architecture, with the next versions.
    /// </summary>
    public static async Task<List<RegisteredModel>> StartAsync(
        IForecastDbContext db, Guid tenantId, string kind, IReadOnlyList<string> architectures, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var interrupted = await db.Models
            .Where(model => model.TenantId == tenantId && model.Kind == kind && model.Status == ModelStatus.Training)
            .ToListAsync(cancellationToken);
        interrupted.ForEach(model => model.Fail("interrupted: the process running this training stopped before it finished", now));
        var version = await db.Models.Where(model => model.TenantId == tenantId && model.Kind == kind)
            .MaxAsync(model => (int?)model.Version, cancellationToken) ?? 0;
        var started = architectures.Select((architecture, index) => RegisteredModel.StartTraining(tenantId, kind, architecture, version + 1 + index, now)).ToList();
        db.Models.AddRange(started);
        await db.SaveChangesAsync(cancellationToken);
        return started;
    }

    /// <summary>
    /// Fails the run's rows that are still Training in the database: a row already saved as candidate stays one (say
    /// the promotion after it failed), and changes never saved (a half-completed row) are dropped, not written.
    /// </summary>
    public static async Task FailAsync(IForecastDbContext db, IEnumerable<RegisteredModel> models, string reason, DateTimeOffset now)
    {
        foreach (var model in models)
        {
            var entry = db.Models.Entry(model);
            if (entry.Property(registered => registered.Status).OriginalValue == ModelStatus.Training)
            {
                entry.State = EntityState.Unchanged;
                model.Fail(reason, now);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
