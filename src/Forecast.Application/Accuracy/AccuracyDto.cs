
namespace Forecast.Application.Accuracy;

/// <summary>How forecasts of one task turned out once the actuals arrived, next to the seasonal naive on the same pairs.</summary>
/// <param name="Task">impressions, clicks, spend, active_days, or churn.</param>
/// <param name="Scenario">The scenario, or null when pooled over scenarios.</param>
/// <param name="Pairs">(advertiser, scenario, as-of day) forecasts judged.</param>
/// <param name="Smape">Mean SMAPE in percent (0–200) of the point forecasts over the horizon; count tasks only.</param>
/// <param name="Nmae">Σ|actual − forecast| / Σ actual; count tasks only, null when nothing was delivered.</param>
/// <param name="IntervalCoverage">Share of actuals inside the 80% interval (well calibrated: about 0.8).</param>
/// <param name="NaiveSmape">The same SMAPE for the seasonal naive (the 7 days up to the as-of day).</param>
/// <param name="NaiveNmae">The same NMAE for the seasonal naive.</param>
/// <param name="Brier">Churn only: mean (p − churned)², where churned means no active day in the horizon.</param>
/// <param name="NaiveBrier">Churn only: the Brier score of calling churn when the week before had no active day.</param>
public sealed record TaskAccuracyDto(
    string Task,
    string? Scenario,
    int Pairs,
    double? Smape,
    double? Nmae,
    double? IntervalCoverage,
    double? NaiveSmape,
    double? NaiveNmae,
    double? Brier,
    double? NaiveBrier)
{
    public static TaskAccuracyDto From(string task, string? scenario, AccuracySums sums) => task == AccuracyTasks.Churn
        ? new(task, scenario, sums.Pairs, null, null, null, null, null, AccuracyRatios.Brier(sums), AccuracyRatios.NaiveBrier(sums))
        : new(task, scenario, sums.Pairs, AccuracyRatios.Smape(sums), AccuracyRatios.Nmae(sums), AccuracyRatios.Coverage(sums),
            AccuracyRatios.NaiveSmape(sums), AccuracyRatios.NaiveNmae(sums), null, null);

    /// <summary>One row per task (and scenario, when <paramref name="byScenario"/>), tasks in a fixed order.</summary>
    public static IReadOnlyList<TaskAccuracyDto> Summarise(IEnumerable<AccuracyRow> rows, bool byScenario) => rows
        .GroupBy(row => (row.Task, Scenario: byScenario ? row.Scenario : null))
        .OrderBy(group => group.Key.Scenario, StringComparer.Ordinal)
        .ThenBy(group => Array.IndexOf(TaskOrder, group.Key.Task))
        .Select(group => From(group.Key.Task, group.Key.Scenario, group.Aggregate(AccuracySums.Zero, (total, row) => total + row.Sums)))
        .ToList();

    private static readonly string[] TaskOrder = ["spend", "impressions", "clicks", "active_days", AccuracyTasks.Churn];
}

/// <summary>The accuracy of the forecasts issued as of one day.</summary>
/// <param name="AsOf">The day the forecasts were issued from.</param>
/// <param name="Tasks">Per task, pooled over scenarios.</param>
public sealed record DailyAccuracyDto(DateOnly AsOf, IReadOnlyList<TaskAccuracyDto> Tasks);

/// <summary>A model's live accuracy: its forecasts judged against the actuals that arrived after them.</summary>
/// <param name="ModelId">Model.</param>
/// <param name="Version">Its version.</param>
/// <param name="Status">Champion, Retired...</param>
/// <param name="From">First as-of day judged; null when none is yet (a forecast is judged once its whole horizon has arrived).</param>
/// <param name="To">Last as-of day judged.</param>
/// <param name="ValidationSmape">Its SMAPE per task on the validation days at training, to compare with the live figures.</param>
/// <param name="Tasks">Per task, over every judged day and scenario.</param>
/// <param name="ByScenario">Per scenario and task.</param>
/// <param name="ByDay">Per as-of day and task.</param>
/// <param name="Drift">The last drift the monitoring found on this model, and the retraining it queued; null when none.</param>
public sealed record ModelAccuracyDto(
    Guid ModelId,
    int Version,
    string Status,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyDictionary<string, double> ValidationSmape,
    IReadOnlyList<TaskAccuracyDto> Tasks,
    IReadOnlyList<TaskAccuracyDto> ByScenario,
    IReadOnlyList<DailyAccuracyDto> ByDay,
    Registry.ModelDriftDto? Drift);

/// <summary>A tenant's live accuracy over a range of as-of days.</summary>
/// <param name="From">First as-of day asked for (or judged, when not given).</param>
/// <param name="To">Last as-of day asked for (or judged).</param>
/// <param name="Scenario">The scenario asked for, or null for all.</param>
/// <param name="Tasks">Per task, what the tenant was served: each day's forecasts from the model that scored it last.</param>
/// <param name="Models">Per model that issued the forecasts, per task.</param>
public sealed record TenantAccuracyDto(DateOnly? From, DateOnly? To, string? Scenario, IReadOnlyList<TaskAccuracyDto> Tasks, IReadOnlyList<ModelAccuracySummaryDto> Models);

/// <param name="ModelId">Model.</param>
/// <param name="Version">Its version.</param>
/// <param name="From">First as-of day of its judged forecasts in the range.</param>
/// <param name="To">Last one.</param>
/// <param name="Tasks">Per task.</param>
public sealed record ModelAccuracySummaryDto(Guid ModelId, int Version, DateOnly From, DateOnly To, IReadOnlyList<TaskAccuracyDto> Tasks);
