namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// Standardisation of the log1p features and per-task target scales, all from the training samples only. Targets are
/// divided by their training mean so every task weighs alike in the Poisson loss (a quasi-Poisson scale).
/// </summary>
public sealed record FeatureScaling(
    float[] PerformanceMean,
    float[] PerformanceStd,
    float[] BehaviourMean,
    float[] BehaviourStd,
    float[] DenseMean,
    float[] DenseStd,
    float[] TargetScale)
{
    public static FeatureScaling Fit(SampleSet train, FeatureSchema schema)
    {
        var (performanceMean, performanceStd) = Moments(train.Performance, schema.PerformanceChannels.Count);
        var (behaviourMean, behaviourStd) = Moments(train.Behaviour, schema.BehaviourFeatures.Count);
        var (denseMean, denseStd) = Moments(train.Dense, schema.DenseFeatureCount);
        var tasks = ForecastTasks.All.Count;
        var targetScale = new float[tasks];
        for (var task = 0; task < tasks; task++)
        {
            double sum = 0;
            var count = 0;
            for (var sample = 0; sample < train.Count; sample++)
            {
                var value = train.Targets[(sample * tasks) + task];
                if (!float.IsNaN(value))
                {
                    sum += value;
                    count++;
                }
            }

            targetScale[task] = count > 0 && sum > 0 ? (float)(sum / count) : 1f;
        }

        return new FeatureScaling(performanceMean, performanceStd, behaviourMean, behaviourStd, denseMean, denseStd, targetScale);
    }

    /// <summary>
    /// Standardised features are held to ±<see cref="StandardizedLimit"/>: a feature nearly constant in training (its
    /// deviation floored at 10⁻³) would otherwise reach the network as thousands of deviations on a day it moves.
    /// </summary>
    public const float StandardizedLimit = 10f;

    public static void Standardize(float[] values, float[] mean, float[] std)
    {
        var width = mean.Length;
        for (var index = 0; index < values.Length; index++)
        {
            var feature = index % width;
            var standardized = (values[index] - mean[feature]) / std[feature];
            values[index] = float.IsNaN(standardized) ? 0f : Math.Clamp(standardized, -StandardizedLimit, StandardizedLimit);
        }
    }

    private static (float[] Mean, float[] Std) Moments(float[] values, int width)
    {
        var mean = new float[width];
        var std = new float[width];
        if (width == 0 || values.Length == 0)
        {
            Array.Fill(std, 1f);
            return (mean, std);
        }

        var sum = new double[width];
        var squares = new double[width];
        for (var index = 0; index < values.Length; index++)
        {
            sum[index % width] += values[index];
            squares[index % width] += (double)values[index] * values[index];
        }

        var rows = values.Length / width;
        for (var feature = 0; feature < width; feature++)
        {
            var m = sum[feature] / rows;
            mean[feature] = (float)m;
            std[feature] = (float)Math.Max(Math.Sqrt(Math.Max(0, (squares[feature] / rows) - (m * m))), 1e-3);
        }

        return (mean, std);
    }
}
