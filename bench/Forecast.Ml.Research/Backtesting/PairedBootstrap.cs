namespace Forecast.Ml.Research.Backtesting;

/// <summary>A relative difference of one forecaster against another, with its bootstrap 95% interval.</summary>
public sealed record PairedDifference(double Relative, double Low, double High, int Series);

/// <summary>
/// Paired comparison of two forecasters on the same test samples, resampling whole series with replacement (samples of
/// one series are correlated, so series are the independent units). The statistic is 1 − error(a) / error(b) for SMAPE
/// (mean of per-sample terms) or NMAE (Σ|y − ŷ| / Σ|y|): positive means a is better.
/// </summary>
public static class PairedBootstrap
{
    public static PairedDifference Compare(
        IReadOnlyList<(string Series, double Actual, double A, double B)> pairs, bool nmae, int resamples, int seed)
    {
        var bySeries = pairs.GroupBy(pair => pair.Series, StringComparer.Ordinal)
            .Select(group => Totals(group, nmae))
            .ToArray();
        if (bySeries.Length == 0) return new PairedDifference(0, 0, 0, 0);
        var random = new Random(seed);
        var statistics = new double[resamples];
        for (var resample = 0; resample < resamples; resample++)
        {
            double a = 0, b = 0;
            for (var draw = 0; draw < bySeries.Length; draw++)
            {
                var pick = bySeries[random.Next(bySeries.Length)];
                (a, b) = (a + pick.A, b + pick.B);
            }

            statistics[resample] = Relative(a, b);
        }

        Array.Sort(statistics);
        var total = (A: bySeries.Sum(series => series.A), B: bySeries.Sum(series => series.B));
        return new PairedDifference(Relative(total.A, total.B), statistics[(int)(0.025 * resamples)], statistics[(int)(0.975 * resamples) - 1], bySeries.Length);
    }

    /// <summary>A series' summed error terms of a and b (for NMAE the |y| scale cancels in the ratio).</summary>
    private static (double A, double B) Totals(IEnumerable<(string Series, double Actual, double A, double B)> samples, bool nmae)
    {
        double a = 0, b = 0;
        foreach (var (_, actual, forecastA, forecastB) in samples)
        {
            a += nmae ? Math.Abs(actual - forecastA) : SmapeTerm(actual, forecastA);
            b += nmae ? Math.Abs(actual - forecastB) : SmapeTerm(actual, forecastB);
        }

        return (a, b);
    }

    private static double SmapeTerm(double actual, double forecast)
    {
        var denominator = Math.Abs(actual) + Math.Abs(forecast);
        return denominator == 0 ? 0 : 2 * Math.Abs(actual - forecast) / denominator;
    }

    private static double Relative(double a, double b) => b == 0 ? 0 : 1 - (a / b);
}
