namespace Forecast.Ml.Forecasting.Evaluation;

/// <summary>
/// P(a task's count is 0 over the horizon) from a signal: the Poisson zero probability exp(−λ) of a rate, a
/// Platt-scaled σ(a + b·log λ) of a rate fitted on validation, or a zero head's probability as it is. For the
/// active-days task this is the churn probability: no active day in the horizon.
/// </summary>
public sealed record ZeroCountCalibration(string Method, double Intercept, double Slope)
{
    public const string PoissonZero = "poisson-zero";
    public const string Platt = "platt";
    public const string Head = "zero-head";

    public static readonly ZeroCountCalibration PoissonZeroOfRate = new(PoissonZero, 0, 0);
    public static readonly ZeroCountCalibration ZeroHead = new(Head, 0, 0);

    public double Probability(double signal) => Method switch
    {
        PoissonZero => Math.Exp(-signal),
        Platt => 1 / (1 + Math.Exp(-(Intercept + (Slope * Math.Log(signal + 1e-3))))),
        _ => signal,
    };

    /// <summary>The better calibrated (lower validation Brier) of exp(−λ) and Platt scaling for a rate signal.</summary>
    public static ZeroCountCalibration FitToRate(IReadOnlyList<double> rate, IReadOnlyList<bool> isZero)
    {
        var platt = FitPlatt(rate, isZero);
        return BrierOf(platt, rate, isZero) < BrierOf(PoissonZeroOfRate, rate, isZero) ? platt : PoissonZeroOfRate;
    }

    public static double BrierOf(ZeroCountCalibration calibration, IReadOnlyList<double> signal, IReadOnlyList<bool> isZero) =>
        ForecastMetrics.Brier(signal.Select(calibration.Probability).ToList(), isZero);

    /// <summary>Two-parameter logistic regression by Newton's method (a small ridge keeps it defined when classes separate).</summary>
    public static ZeroCountCalibration FitPlatt(IReadOnlyList<double> rate, IReadOnlyList<bool> isZero)
    {
        double a = 0, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-3, hab = 0, hbb = 1e-3;
            for (var index = 0; index < rate.Count; index++)
            {
                var x = Math.Log(rate[index] + 1e-3);
                var p = 1 / (1 + Math.Exp(-(a + (b * x))));
                var error = p - (isZero[index] ? 1 : 0);
                var weight = p * (1 - p);
                ga += error;
                gb += error * x;
                haa += weight;
                hab += weight * x;
                hbb += weight * x * x;
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (Math.Abs(determinant) < 1e-12) break;
            a -= ((hbb * ga) - (hab * gb)) / determinant;
            b -= ((haa * gb) - (hab * ga)) / determinant;
        }

        return new ZeroCountCalibration(Platt, a, b);
    }
}
