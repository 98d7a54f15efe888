namespace Forecast.Application.Accuracy;

/// <summary>
/// The sums that realized accuracy is kept as, for one task over some (advertiser, scenario) pairs: any set of days,
/// scenarios or models adds up exactly, and the ratios are taken last. Count tasks (impressions, clicks, spend,
/// active_days) fill the error sums; churn fills the Brier sums.
/// </summary>
public sealed record AccuracySums(
    int Pairs,
    double SmapeSum,
    double AbsoluteErrorSum,
    double ActualSum,
    int Covered,
    double NaiveSmapeSum,
    double NaiveAbsoluteErrorSum,
    double BrierSum,
    double NaiveBrierSum)
{
    public static readonly AccuracySums Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static AccuracySums operator +(AccuracySums left, AccuracySums right) => new(
        left.Pairs + right.Pairs,
        left.SmapeSum + right.SmapeSum,
        left.AbsoluteErrorSum + right.AbsoluteErrorSum,
        left.ActualSum + right.ActualSum,
        left.Covered + right.Covered,
        left.NaiveSmapeSum + right.NaiveSmapeSum,
        left.NaiveAbsoluteErrorSum + right.NaiveAbsoluteErrorSum,
        left.BrierSum + right.BrierSum,
        left.NaiveBrierSum + right.NaiveBrierSum);

    /// <summary>One count pair: the served point forecast and interval, the actual, and the seasonal naive.</summary>
    public static AccuracySums OfCount(double forecast, double lower, double upper, double actual, double naive) => new(
        1,
        SmapeTerm(actual, forecast),
        Math.Abs(actual - forecast),
        Math.Abs(actual),
        actual >= lower && actual <= upper ? 1 : 0,
        SmapeTerm(actual, naive),
        Math.Abs(actual - naive),
        0,
        0);

    /// <summary>One churn pair: the probability served, whether it churned, and the naive call (no active day last week).</summary>
    public static AccuracySums OfChurn(double probability, bool churned, bool naiveChurned) => new(
        1, 0, 0, 0, 0, 0, 0, Math.Pow(probability - (churned ? 1 : 0), 2), churned == naiveChurned ? 0 : 1);

    /// <summary>2|y − ŷ| / (|y| + |ŷ|), a pair of zeros counting 0: the convention of the model's validation SMAPE.</summary>
    public static double SmapeTerm(double actual, double forecast)
    {
        var denominator = Math.Abs(actual) + Math.Abs(forecast);
        return denominator == 0 ? 0 : 2 * Math.Abs(actual - forecast) / denominator;
    }
}
