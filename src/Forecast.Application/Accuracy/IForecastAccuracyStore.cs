namespace Forecast.Application.Accuracy;

/// <summary>
/// One model's forecasts of one day whose horizon has ended in the tenant's data and that are not judged yet, and when
/// the model last scored that day.
/// </summary>
public sealed record DueForecasts(Guid ModelId, DateOnly AsOf, DateTimeOffset IssuedAt);

/// <summary>Realized accuracy of one model's forecasts of one day, in one scenario, for one task (or churn).</summary>
public sealed record AccuracyRow(Guid ModelId, int ModelVersion, DateOnly AsOf, DateTimeOffset IssuedAt, string Scenario, string Task, AccuracySums Sums)
{
    /// <summary>
    /// The rows of the forecasts that stood at the end of each day: where a retraining promoted a new champion that
    /// scored the day again, its forecasts replaced the morning's (each model's own rows stay in its accuracy).
    /// </summary>
    public static IReadOnlyList<AccuracyRow> Served(IReadOnlyList<AccuracyRow> rows)
    {
        var last = rows.GroupBy(row => row.AsOf).ToDictionary(day => day.Key, day => day.MaxBy(row => row.IssuedAt)!.ModelId);
        return rows.Where(row => last[row.AsOf] == row.ModelId).ToList();
    }
}

/// <summary>The forecast snapshots and their realized accuracy.</summary>
public interface IForecastAccuracyStore
{
    /// <summary>
    /// Snapshots issued in the <paramref name="lookbackDays"/> days before <paramref name="latestDay"/> (the tenant's
    /// latest day of metrics) whose horizon has ended by then, by model and day, that have no accuracy yet.
    /// </summary>
    Task<IReadOnlyList<DueForecasts>> DueAsync(Guid tenantId, DateOnly latestDay, int lookbackDays, CancellationToken cancellationToken);

    /// <summary>Every snapshot of the model and day with the horizon's actuals and the week before it.</summary>
    Task<IReadOnlyList<ForecastOutcome>> OutcomesAsync(Guid tenantId, DueForecasts forecasts, CancellationToken cancellationToken);

    /// <summary>Stores the accuracy of the model's forecasts of the day (replacing any kept before).</summary>
    Task WriteAsync(
        Guid tenantId, DueForecasts forecasts, IReadOnlyDictionary<(string Scenario, string Task), AccuracySums> sums, CancellationToken cancellationToken);

    /// <summary>Accuracy rows of forecasts issued from <paramref name="from"/> to <paramref name="to"/>, of one model or all, one scenario or all.</summary>
    Task<IReadOnlyList<AccuracyRow>> ReadAsync(
        Guid tenantId, Guid? modelId, DateOnly? from, DateOnly? to, string? scenario, CancellationToken cancellationToken);

    /// <summary>Deletes snapshots issued before the day; returns how many.</summary>
    Task<int> PruneSnapshotsAsync(Guid tenantId, DateOnly before, CancellationToken cancellationToken);
}
