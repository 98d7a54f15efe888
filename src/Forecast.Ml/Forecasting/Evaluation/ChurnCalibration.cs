namespace Forecast.Ml.Forecasting.Evaluation;

/// <summary>
/// P(no active day in the horizon) from the active-days rate: either the Poisson zero probability exp(−λ) or a
/// Platt-scaled σ(a + b·log λ) fitted on validation. <see cref="Fit"/> keeps the one with the lower validation Brier.
/// </summary>
public sealed record ChurnCalibration(string Method, double Intercept, double Slope)
{
    public const string PoissonZero = "poisson-zero";
    public const string Platt = "platt";

    public double Probability(double activeDaysRate) => Method == PoissonZero
        ? Math.Exp(-activeDaysRate)
        : 1 / (1 + Math.Exp(-(Intercept + (Slope * Math.Log(activeDaysRate + 1e-3)))));

    public static (ChurnCalibration Chosen, double PoissonBrier, double PlattBrier) Fit(IReadOnlyList<double> activeDaysRate, IReadOnlyList<bool> churned)
    {
        var poisson = new ChurnCalibration(PoissonZero, 0, 0);
        var platt = FitPlatt(activeDaysRate, churned);
        var poissonBrier = BrierOf(poisson, activeDaysRate, churned);
        var plattBrier = BrierOf(platt, activeDaysRate, churned);
        return (plattBrier < poissonBrier ? platt : poisson, poissonBrier, plattBrier);
    }

    public static double BrierOf(ChurnCalibration calibration, IReadOnlyList<double> rate, IReadOnlyList<bool> churned) =>
        ForecastMetrics.Brier(rate.Select(calibration.Probability).ToList(), churned);

    /// <summary>Two-parameter logistic regression by Newton's method (a small ridge keeps it defined when classes separate).</summary>
    public static ChurnCalibration FitPlatt(IReadOnlyList<double> rate, IReadOnlyList<bool> churned)
    {
        double a = 0, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-3, hab = 0, hbb = 1e-3;
            for (var index = 0; index < rate.Count; index++)
            {
                var x = Math.Log(rate[index] + 1e-3);
                var p = 1 / (1 + Math.Exp(-(a + (b * x))));
                var error = p - (churned[index] ? 1 : 0);
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

        return new ChurnCalibration(Platt, a, b);
    }
}
