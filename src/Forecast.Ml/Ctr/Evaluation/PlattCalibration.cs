namespace Forecast.Ml.Ctr.Evaluation;

/// <summary>
/// Platt scaling: p' = σ(a·logit(p) + b), fitted on validation rows by Newton's method on the binomial log-likelihood.
/// Two parameters cannot overfit a validation set the size of ours, and a monotone map keeps the AUC.
/// </summary>
public sealed record PlattCalibration(double Slope, double Intercept)
{
    public static readonly PlattCalibration Identity = new(1, 0);

    public double Apply(double probability)
    {
        var p = Math.Clamp(probability, 1e-7, 1 - 1e-7);
        return 1 / (1 + Math.Exp(-((Slope * Math.Log(p / (1 - p))) + Intercept)));
    }

    public static PlattCalibration Fit(IReadOnlyList<double> predicted, IReadOnlyList<double> impressions, IReadOnlyList<double> clicks)
    {
        var logits = predicted.Select(p => Math.Log(Math.Clamp(p, 1e-7, 1 - 1e-7) / (1 - Math.Clamp(p, 1e-7, 1 - 1e-7)))).ToArray();
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var row = 0; row < logits.Length; row++)
            {
                var q = 1 / (1 + Math.Exp(-((a * logits[row]) + b)));
                var residual = (impressions[row] * q) - clicks[row];
                var curvature = impressions[row] * q * (1 - q);
                ga += residual * logits[row];
                gb += residual;
                haa += curvature * logits[row] * logits[row];
                hab += curvature * logits[row];
                hbb += curvature;
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (Math.Abs(determinant) < 1e-12)
            {
                break;
            }

            var (stepA, stepB) = (((hbb * ga) - (hab * gb)) / determinant, ((haa * gb) - (hab * ga)) / determinant);
            (a, b) = (a - stepA, b - stepB);
            if (Math.Abs(stepA) + Math.Abs(stepB) < 1e-9)
            {
                break;
            }
        }

        return double.IsFinite(a) && double.IsFinite(b) ? new PlattCalibration(a, b) : Identity;
    }
}
