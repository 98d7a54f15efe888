using Forecast.Application.Common.Persistence;
using Forecast.Application.Forecasts;
using Forecast.Domain.Registry;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry.GetModelHealth;

/// <summary>Per kind: the champion and its age in data days, the last runs that succeeded and failed, failures in a row, drift.</summary>
public sealed record GetModelHealth(Guid TenantId) : IQuery<ModelHealthDto>;

public sealed class GetModelHealthHandler(IForecastDbContext db, ITenantHistoryReader history) : IQueryHandler<GetModelHealth, ModelHealthDto>
{
    /// <summary>A forecast champion this many data days behind the tenant's metrics is stale (the loop retrains after one).</summary>
    public const int StaleAfterDataDays = 7;

    /// <summary>Runs read per kind, newest first: enough to count failures in a row that matter.</summary>
    private const int RecentRuns = 200;

    public async ValueTask<ModelHealthDto> Handle(GetModelHealth query, CancellationToken cancellationToken)
    {
        var days = await history.ReadDataDaysAsync(query.TenantId, cancellationToken);
        var latest = days?.AsOf;
        var kinds = new List<KindHealthDto>();
        foreach (var kind in ModelKinds.Trainable.Order(StringComparer.Ordinal))
        {
            var runs = await db.Models.AsNoTracking()
                .Where(model => model.TenantId == query.TenantId && model.Kind == kind)
                .OrderByDescending(model => model.CreatedAt).ThenByDescending(model => model.Version)
                .Select(model => new RegistryRow(
                    model.Id, model.Version, model.Architecture, model.Status, model.CreatedAt, model.CompletedAt, model.TrainedThrough, model.Error,
                    model.DriftDetectedOn, model.DriftReason, model.DriftRetrainingJob))
                .Take(RecentRuns)
                .ToListAsync(cancellationToken);
            var champion = runs.FirstOrDefault(model => model.Status == ModelStatus.Champion);
            var succeeded = runs.FirstOrDefault(model => model.Status is ModelStatus.Candidate or ModelStatus.Champion or ModelStatus.Retired);
            var failed = runs.FirstOrDefault(model => model.Status == ModelStatus.Failed);
            // A run registers one row per architecture at the same instant: failures are counted by run.
            var consecutiveFailures = runs.Where(model => model.Status != ModelStatus.Training)
                .GroupBy(model => model.CreatedAt)
                .TakeWhile(run => run.All(model => model.Status == ModelStatus.Failed))
                .Count();
            var age = kind == ModelKinds.Forecast && latest is { } day && champion?.TrainedThrough is { } through ? day.DayNumber - through.DayNumber : (int?)null;
            var drift = champion?.DriftDetectedOn is { } on ? new ModelDriftDto(on, champion.DriftReason!, champion.DriftRetrainingJob!) : null;
            var status = champion is null ? "no-model"
                : consecutiveFailures > 0 ? "failing"
                : drift is not null && (succeeded is null || succeeded.CompletedAt <= champion.CompletedAt) ? "drifting"
                : age > StaleAfterDataDays ? "stale"
                : "healthy";
            kinds.Add(new KindHealthDto(
                kind,
                status,
                champion?.Run(),
                age,
                runs.Any(model => model.Status == ModelStatus.Training),
                succeeded?.Run(),
                failed?.Run(),
                consecutiveFailures,
                drift));
        }

        return new ModelHealthDto(days is null ? null : new DataDaysDto(days.First, days.AsOf, days.Latest, days.RowsAfterAsOf, days.AsOfRule), kinds);
    }

    private sealed record RegistryRow(
        Guid Id, int Version, string Architecture, ModelStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateOnly? TrainedThrough,
        string? Error, DateOnly? DriftDetectedOn, string? DriftReason, string? DriftRetrainingJob)
    {
        public ModelRunDto Run() => new(Id, Version, Architecture, CompletedAt ?? CreatedAt, TrainedThrough, Error);
    }
}
