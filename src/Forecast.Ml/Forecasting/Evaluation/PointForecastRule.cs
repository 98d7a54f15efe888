using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Inference;

namespace Forecast.Ml.Forecasting.Evaluation;

/// <summary>Where a task's zero probability is read from.</summary>
public enum ZeroSignal
{
    OwnZeroHead,
    OwnRate,
    ActiveDaysRate,
}

/// <summary>
/// How one task's point forecast is made: 0 when P(count = 0) — <see cref="Zero"/> applied to <see cref="Signal"/> —
/// reaches the threshold, else the rate times <see cref="Scale"/> (a median-like shrink of the mean of skewed counts).
/// </summary>
public sealed record ZeroRule(ZeroSignal Signal, ZeroCountCalibration Zero, double Threshold, double Scale)
{
    public double ZeroProbability(Predictions predictions, int sample, ForecastTask task) =>
        Zero.Probability(SignalValue(Signal, predictions, sample, task));

    public static double SignalValue(ZeroSignal signal, Predictions predictions, int sample, ForecastTask task)
    {
        var tasks = ForecastTasks.All.Count;
        return signal switch
        {
            ZeroSignal.OwnZeroHead => predictions.ZeroProbability[(sample * tasks) + (int)task],
            ZeroSignal.OwnRate => predictions.Rates[(sample * tasks) + (int)task],
            _ => predictions.Rates[(sample * tasks) + (int)ForecastTask.ActiveDays],
        };
    }
}

/// <summary>
/// The point forecast served beside each Poisson rate, a hurdle rule per task: 0 when P(count = 0 over the horizon)
/// reaches the task's threshold, else the (scaled) rate. The rate is a mean, which never hits the zeros that stopped
/// advertisers and clickless weeks produce; SMAPE and NMAE judge the point forecast. Signal, threshold and scale are
/// chosen per task on validation by the sum of both, each relative to the unmodified rate's (SMAPE alone rewards
/// shrinking and zeroing so much that NMAE doubled).
/// </summary>
public sealed record PointForecastRule(IReadOnlyDictionary<ForecastTask, ZeroRule> Tasks)
{
    private static readonly double[] Thresholds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
    private static readonly double[] Scales = [0.6, 0.7, 0.8, 0.9, 1.0, 1.1];

    public float[] Apply(Predictions predictions)
    {
        var tasks = ForecastTasks.All.Count;
        var points = (float[])predictions.Rates.Clone();
        for (var index = 0; index < points.Length; index++)
        {
            var task = (ForecastTask)(index % tasks);
            if (Tasks.TryGetValue(task, out var rule))
            {
                points[index] = rule.ZeroProbability(predictions, index / tasks, task) >= rule.Threshold
                    ? 0
                    : (float)(predictions.Rates[index] * rule.Scale);
            }
        }

        return points;
    }

    public static PointForecastRule Fit(SampleSet validation, Predictions predictions, FeatureSchema schema) =>
        new(schema.TrainedTasks.ToDictionary(task => task, task => FitTask(validation, predictions, task)));

    private static ZeroRule FitTask(SampleSet validation, Predictions predictions, ForecastTask task)
    {
        var known = validation.KnownSamples(task);
        var (actual, rate) = validation.Pairs(predictions.Rates, task);
        var isZero = actual.Select(value => value == 0).ToList();
        var (rateSmape, rateNmae) = (Math.Max(ForecastMetrics.Smape(actual, rate), 1e-9), Math.Max(ForecastMetrics.Nmae(actual, rate), 1e-9));
        var candidates = new List<(ZeroRule Rule, double Loss)>();
        foreach (var signal in Enum.GetValues<ZeroSignal>())
        {
            var values = known.Select(sample => ZeroRule.SignalValue(signal, predictions, sample, task)).ToList();
            var zero = signal == ZeroSignal.OwnZeroHead ? ZeroCountCalibration.ZeroHead : ZeroCountCalibration.FitToRate(values, isZero);
            var probability = values.Select(zero.Probability).ToList();
            foreach (var threshold in Thresholds)
            {
                foreach (var scale in Scales)
                {
                    var points = rate.Select((value, index) => probability[index] >= threshold ? 0 : value * scale).ToList();
                    var loss = (ForecastMetrics.Smape(actual, points) / rateSmape) + (ForecastMetrics.Nmae(actual, points) / rateNmae);
                    candidates.Add((new ZeroRule(signal, zero, threshold, scale), loss));
                }
            }
        }

        return candidates.MinBy(candidate => candidate.Loss).Rule;
    }
}
