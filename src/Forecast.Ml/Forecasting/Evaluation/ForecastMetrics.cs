namespace Forecast.Ml.Forecasting.Evaluation;

/// <summary>The paper's regression metrics on (actual, forecast) pairs of one task.</summary>
public static class ForecastMetrics
{
    /// <summary>Symmetric MAPE in percent: mean of 2|y − ŷ| / (|y| + |ŷ|), a pair of zeros counting as 0 (counts are often 0).</summary>
    public static double Smape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double sum = 0;
        for (var index = 0; index < actual.Count; index++)
        {
            var denominator = Math.Abs(actual[index]) + Math.Abs(forecast[index]);
            sum += denominator == 0 ? 0 : 2 * Math.Abs(actual[index] - forecast[index]) / denominator;
        }

        return 100 * sum / Math.Max(1, actual.Count);
    }

    /// <summary>Normalised MAE: Σ|y − ŷ| / Σ|y|.</summary>
    public static double Nmae(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double error = 0, scale = 0;
        for (var index = 0; index < actual.Count; index++)
        {
            error += Math.Abs(actual[index] - forecast[index]);
            scale += Math.Abs(actual[index]);
        }

        return scale == 0 ? 0 : error / scale;
    }

    /// <summary>Mean Poisson deviance 2[y log(y/λ) − (y − λ)], with λ floored so a zero forecast stays finite.</summary>
    public static double PoissonDeviance(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double sum = 0;
        for (var index = 0; index < actual.Count; index++)
        {
            var y = actual[index];
            var rate = Math.Max(forecast[index], 1e-3);
            sum += 2 * ((y > 0 ? y * Math.Log(y / rate) : 0) - (y - rate));
        }

        return sum / Math.Max(1, actual.Count);
    }

    /// <summary>Share of actual values inside [lower, upper].</summary>
    public static double Coverage(IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        var inside = 0;
        for (var index = 0; index < actual.Count; index++)
        {
            if (actual[index] >= lower[index] && actual[index] <= upper[index]) inside++;
        }

        return (double)inside / Math.Max(1, actual.Count);
    }

    /// <summary>Brier score: mean squared difference between predicted probability and outcome (1 or 0).</summary>
    public static double Brier(IReadOnlyList<double> probability, IReadOnlyList<bool> outcome) =>
        probability.Select((p, index) => Math.Pow(p - (outcome[index] ? 1 : 0), 2)).Sum() / Math.Max(1, probability.Count);
}
