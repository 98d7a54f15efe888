using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Forecasts.GetForecastChart;
using Mediator;

namespace Forecast.Application.Accuracy.GetAccuracyChart;

/// <summary>What the live accuracy chart shows: one task's error by as-of day, the served forecasts against the naive.</summary>
public sealed record GetAccuracyChart(Guid TenantId, string Task, string? Scenario, DateOnly? From, DateOnly? To) : IQuery<AccuracyChartData>, IDayRange;

/// <param name="Task">Task charted.</param>
/// <param name="Scenario">Scenario, or null for all.</param>
/// <param name="Measure">"SMAPE %" for count tasks, "Brier" for churn.</param>
/// <param name="Days">Per judged as-of day: the served forecasts' error, the naive's, and the pairs judged.</param>
public sealed record AccuracyChartData(string Task, string? Scenario, string Measure, IReadOnlyList<DailyError> Days);

/// <param name="AsOf">As-of day.</param>
/// <param name="Served">Error of the forecasts served: those that stood at the end of the day.</param>
/// <param name="Naive">Error of the seasonal naive on the same pairs.</param>
/// <param name="Pairs">Pairs judged.</param>
public sealed record DailyError(DateOnly AsOf, double Served, double Naive, int Pairs);

public sealed class GetAccuracyChartValidator : AbstractValidator<GetAccuracyChart>
{
    public static readonly IReadOnlySet<string> Tasks = new HashSet<string>(GetForecastChartValidator.Tasks) { AccuracyTasks.Churn };

    public GetAccuracyChartValidator()
    {
        RuleFor(query => query.Task).Must(Tasks.Contains).WithMessage($"One of: {string.Join(", ", Tasks)}.").OverridePropertyName("task");
        Include(new DayRangeValidator());
    }
}

public sealed class GetAccuracyChartHandler(IForecastAccuracyStore store, IReferenceReader references) : IQueryHandler<GetAccuracyChart, AccuracyChartData>
{
    public async ValueTask<AccuracyChartData> Handle(GetAccuracyChart query, CancellationToken cancellationToken)
    {
        await references.EnsureExistAsync(query.TenantId, advertiserId: null, query.Scenario, cancellationToken);
        var churn = query.Task == AccuracyTasks.Churn;
        var rows = await store.ReadAsync(query.TenantId, null, query.From, query.To, query.Scenario, cancellationToken);
        var days = AccuracyRow.Served(rows).Where(row => row.Task == query.Task)
            .GroupBy(row => row.AsOf)
            .OrderBy(day => day.Key)
            .Select(day => (day.Key, Sums: day.Aggregate(AccuracySums.Zero, (total, row) => total + row.Sums)))
            .Select(day => churn
                ? new DailyError(day.Key, AccuracyRatios.Brier(day.Sums) ?? 0, AccuracyRatios.NaiveBrier(day.Sums) ?? 0, day.Sums.Pairs)
                : new DailyError(day.Key, AccuracyRatios.Smape(day.Sums) ?? 0, AccuracyRatios.NaiveSmape(day.Sums) ?? 0, day.Sums.Pairs))
            .ToList();
        return new AccuracyChartData(query.Task, query.Scenario, churn ? "Brier" : "SMAPE %", days);
    }
}
