using Forecast.Application.Common.Persistence;
using Forecast.Application.Forecasts;
using Forecast.Application.Registry;
using Forecast.Domain.Tenants;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Training;

/// <summary>
/// The loop that runs with nobody driving it: after each scoring (which follows every ingestion of daily metrics and
/// every training), a tenant whose policy is <see cref="RetrainingMode.NewData"/> gets its forecast model retrained
/// once its metrics reach the policy's number of days past the newest model trained (whatever the gate made of it: a
/// candidate that lost is not retrained on the same days again), or its first model once it has the history to learn
/// from. A training already queued or running answers instead of a second: many ingestions make one run, and the
/// scoring that ends it looks again.
/// </summary>
public sealed class NewDataRetraining(
    IForecastDbContext db, ITenantHistoryReader history, ITrainingScheduler scheduler, ILogger<NewDataRetraining> logger)
{
    public async Task CheckAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var policy = await db.Tenants.AsNoTracking().Where(tenant => tenant.Id == tenantId)
            .Select(tenant => new { tenant.RetrainingMode, tenant.RetrainEveryDays })
            .SingleOrDefaultAsync(cancellationToken);
        if (policy?.RetrainingMode != RetrainingMode.NewData || await history.ReadDataDaysAsync(tenantId, cancellationToken) is not { } days)
        {
            return;
        }

        var trainedThrough = await db.Models.AsNoTracking()
            .Where(model => model.TenantId == tenantId && model.Kind == ModelKinds.Forecast && model.TrainedThrough != null)
            .MaxAsync(model => model.TrainedThrough, cancellationToken);
        var minimumDays = ForecastModelTrainer.MinimumHistoryDays(new ForecastWindow());
        var reason = trainedThrough is { } through
            ? days.AsOf.DayNumber - through.DayNumber >= policy.RetrainEveryDays
                ? $"daily metrics reach {days.AsOf:yyyy-MM-dd}, {days.AsOf.DayNumber - through.DayNumber} day(s) past the newest model's {through:yyyy-MM-dd}"
                : null
            : days.AsOf.DayNumber - days.First.DayNumber + 1 >= minimumDays
                ? $"a first model: {days.AsOf.DayNumber - days.First.DayNumber + 1} days of daily metrics to learn from"
                : null;
        if (reason is null)
        {
            return;
        }

        var job = await scheduler.TrainAsync(tenantId, ModelKinds.Forecast, cancellationToken);
        logger.LogInformation("Tenant {TenantId}: forecast model retraining {JobId} ({Reason})", tenantId, job, reason);
    }
}
