namespace Forecast.Application.Accuracy;

/// <summary>Live accuracy monitoring (section Forecast:Accuracy).</summary>
public sealed class AccuracyOptions
{
    public const string Section = "Forecast:Accuracy";

    /// <summary>Days of issued forecasts kept as snapshots (readable with <c>asOf</c>); their accuracy is kept for good.</summary>
    public int SnapshotRetentionDays { get; set; } = 90;

    /// <summary>Forecasts whose horizon ended longer ago than this when their actuals arrive are not judged.</summary>
    public int EvaluationLookbackDays { get; set; } = 14;

    public DriftOptions Drift { get; set; } = new();
}

/// <summary>
/// When the champion's live accuracy says it no longer fits the data, and a retraining is queued: over its last
/// <see cref="WindowDays"/> judged days, a task's live SMAPE is worse than its validation SMAPE by more than
/// <see cref="SmapeDegradation"/>, or the seasonal naive beat it on both SMAPE and NMAE on each of the last
/// <see cref="NaiveAheadDays"/> judged days. Tasks with fewer than <see cref="MinPairs"/> pairs are not judged.
/// </summary>
public sealed class DriftOptions
{
    public bool Enabled { get; set; } = true;

    public int WindowDays { get; set; } = 7;

    public int MinPairs { get; set; } = 30;

    /// <summary>0.25: live SMAPE more than 25% above validation SMAPE.</summary>
    public double SmapeDegradation { get; set; } = 0.25;

    public int NaiveAheadDays { get; set; } = 3;
}
