namespace Forecast.Infrastructure.Persistence.Schema;

/// <summary>
/// How the forecasts one model issued as of one day turned out in one scenario for one task, once the horizon's
/// actuals arrived, next to the seasonal naive forecast on the same pairs. Kept as sums, so any range of days, models
/// or scenarios aggregates exactly (SMAPE is a mean over pairs, NMAE a ratio of sums). Count tasks fill the error sums;
/// the churn task fills the Brier sums.
/// </summary>
public sealed class RealizedAccuracy
{
    public Guid TenantId { get; init; }

    public Guid ModelId { get; init; }

    public DateOnly AsOf { get; init; }

    public int ScenarioId { get; init; }

    public required string Task { get; init; }

    /// <summary>(advertiser, scenario) pairs judged.</summary>
    public int Pairs { get; init; }

    /// <summary>Σ 2|y − ŷ| / (|y| + |ŷ|) over the pairs (a pair of zeros counts 0).</summary>
    public double? SmapeSum { get; init; }

    public double? AbsoluteErrorSum { get; init; }

    public double? ActualSum { get; init; }

    /// <summary>Pairs whose actual fell inside the 80% interval.</summary>
    public int? Covered { get; init; }

    public double? NaiveSmapeSum { get; init; }

    public double? NaiveAbsoluteErrorSum { get; init; }

    /// <summary>Σ (p − churned)² over the pairs.</summary>
    public double? BrierSum { get; init; }

    /// <summary>The same for the naive churn call: churned when the last 7 days had no active day.</summary>
    public double? NaiveBrierSum { get; init; }

    /// <summary>When the model last scored that day: of several models that forecast one day, the latest was served last.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset EvaluatedAt { get; init; }
}
