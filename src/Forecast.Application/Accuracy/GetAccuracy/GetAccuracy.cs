using FluentValidation;
using Forecast.Application.Common;
using Mediator;

namespace Forecast.Application.Accuracy.GetAccuracy;

/// <summary>The tenant's live accuracy over the forecasts issued from one day to another, in one scenario or all.</summary>
public sealed record GetAccuracy(Guid TenantId, DateOnly? From, DateOnly? To, string? Scenario) : IQuery<TenantAccuracyDto>, IDayRange;

public sealed class GetAccuracyValidator : AbstractValidator<GetAccuracy>
{
    public GetAccuracyValidator()
    {
        Include(new DayRangeValidator());
    }
}

public sealed class GetAccuracyHandler(IForecastAccuracyStore store, IReferenceReader references) : IQueryHandler<GetAccuracy, TenantAccuracyDto>
{
    public async ValueTask<TenantAccuracyDto> Handle(GetAccuracy query, CancellationToken cancellationToken)
    {
        await references.EnsureExistAsync(query.TenantId, advertiserId: null, query.Scenario, cancellationToken);
        var rows = await store.ReadAsync(query.TenantId, null, query.From, query.To, query.Scenario, cancellationToken);
        var models = rows.GroupBy(row => (row.ModelId, row.ModelVersion))
            .OrderBy(model => model.Key.ModelVersion)
            .Select(model => new ModelAccuracySummaryDto(
                model.Key.ModelId, model.Key.ModelVersion, model.Min(row => row.AsOf), model.Max(row => row.AsOf), TaskAccuracyDto.Summarise(model, byScenario: false)))
            .ToList();
        return new TenantAccuracyDto(
            query.From ?? (rows.Count == 0 ? null : rows.Min(row => row.AsOf)),
            query.To ?? (rows.Count == 0 ? null : rows.Max(row => row.AsOf)),
            query.Scenario,
            TaskAccuracyDto.Summarise(AccuracyRow.Served(rows), byScenario: false),
            models);
    }
}
