namespace Forecast.Ml.Forecasting.Evaluation;

/// <summary>
/// The 80% prediction interval of one task. Poisson quantiles are used when they cover at least 80% on validation;
/// counts of advertisers are overdispersed, so usually they do not and a split-conformal interval on the log1p scale
/// replaces them: [expm1(log1p ŷ − q), expm1(log1p ŷ + q)], q the 80% quantile of validation |log1p y − log1p ŷ|.
/// </summary>
public sealed record PredictionInterval(string Method, double LogHalfWidth)
{
    public const double Level = 0.8;
    public const string Poisson = "poisson";
    public const string Conformal = "conformal-log1p";
    private const double Z90 = 1.2815515655446004;

    public (double Lower, double Upper) Around(double rate) =>
        Method == Poisson
            ? PoissonQuantiles(rate)
            : (Math.Max(0, Math.Exp(Math.Log(1 + rate) - LogHalfWidth) - 1), Math.Exp(Math.Log(1 + rate) + LogHalfWidth) - 1);

    public static PredictionInterval Fit(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        var poisson = new PredictionInterval(Poisson, 0);
        if (CoverageOf(poisson, actual, forecast) >= Level)
        {
            return poisson;
        }

        var residuals = actual.Select((y, index) => Math.Abs(Math.Log(1 + y) - Math.Log(1 + forecast[index]))).Order().ToList();
        var rank = (int)Math.Ceiling(Level * (residuals.Count + 1)) - 1;
        return new PredictionInterval(Conformal, residuals[Math.Clamp(rank, 0, residuals.Count - 1)]);
    }

    public static double CoverageOf(PredictionInterval interval, IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        var bounds = forecast.Select(interval.Around).ToList();
        return ForecastMetrics.Coverage(actual, bounds.Select(b => b.Lower).ToList(), bounds.Select(b => b.Upper).ToList());
    }

    /// <summary>10% and 90% Poisson quantiles: exact below λ = 100, normal approximation above.</summary>
    private static (double Lower, double Upper) PoissonQuantiles(double rate)
    {
        if (rate >= 100)
        {
            var spread = Z90 * Math.Sqrt(rate);
            return (Math.Max(0, Math.Floor(rate - spread)), Math.Ceiling(rate + spread));
        }

        const double lowerTail = (1 - Level) / 2, upperTail = 1 - lowerTail;
        double cumulative = 0, term = Math.Exp(-rate);
        int? lower = null;
        for (var k = 0; k < 1000; k++)
        {
            cumulative += term;
            lower ??= cumulative >= lowerTail ? k : null;
            if (cumulative >= upperTail) return (lower ?? k, k);
            term *= rate / (k + 1);
        }

        return (lower ?? 0, 1000);
    }
}
