namespace Forecast.Application.Accuracy;

/// <summary>The ratios read from accuracy sums; null where they are undefined (no pairs, nothing delivered).</summary>
public static class AccuracyRatios
{
    /// <summary>Mean SMAPE in percent, the unit of the models' validation SMAPE.</summary>
    public static double? Smape(AccuracySums sums) => sums.Pairs == 0 ? null : 100 * sums.SmapeSum / sums.Pairs;

    public static double? Nmae(AccuracySums sums) => sums.ActualSum == 0 ? null : sums.AbsoluteErrorSum / sums.ActualSum;

    public static double? Coverage(AccuracySums sums) => sums.Pairs == 0 ? null : (double)sums.Covered / sums.Pairs;

    public static double? NaiveSmape(AccuracySums sums) => sums.Pairs == 0 ? null : 100 * sums.NaiveSmapeSum / sums.Pairs;

    public static double? NaiveNmae(AccuracySums sums) => sums.ActualSum == 0 ? null : sums.NaiveAbsoluteErrorSum / sums.ActualSum;

    public static double? Brier(AccuracySums sums) => sums.Pairs == 0 ? null : sums.BrierSum / sums.Pairs;

    public static double? NaiveBrier(AccuracySums sums) => sums.Pairs == 0 ? null : sums.NaiveBrierSum / sums.Pairs;
}
