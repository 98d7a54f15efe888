using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Registry;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Accuracy.GetModelAccuracy;

/// <summary>A model's live accuracy: every forecast it issued whose horizon has since arrived, judged.</summary>
public sealed record GetModelAccuracy(Guid TenantId, Guid ModelId) : IQuery<ModelAccuracyDto>;

public sealed class GetModelAccuracyHandler(IForecastDbContext db, IForecastAccuracyStore store) : IQueryHandler<GetModelAccuracy, ModelAccuracyDto>
{
    public async ValueTask<ModelAccuracyDto> Handle(GetModelAccuracy query, CancellationToken cancellationToken)
    {
        var model = await db.Models.AsNoTracking()
            .Where(candidate => candidate.TenantId == query.TenantId && candidate.Id == query.ModelId)
            .Select(ModelDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw Refusal.NotFound("Model", query.ModelId.ToString());
        var rows = await store.ReadAsync(query.TenantId, query.ModelId, null, null, null, cancellationToken);
        return new ModelAccuracyDto(
            model.Id,
            model.Version,
            model.Status,
            rows.Count == 0 ? null : rows.Min(row => row.AsOf),
            rows.Count == 0 ? null : rows.Max(row => row.AsOf),
            model.Kind == ModelKinds.Forecast ? ValidationScores.Smape(model.Metrics) : new Dictionary<string, double>(),
            TaskAccuracyDto.Summarise(rows, byScenario: false),
            TaskAccuracyDto.Summarise(rows, byScenario: true),
            rows.GroupBy(row => row.AsOf).OrderBy(day => day.Key)
                .Select(day => new DailyAccuracyDto(day.Key, TaskAccuracyDto.Summarise(day, byScenario: false)))
                .ToList(),
            model.Drift);
    }
}
