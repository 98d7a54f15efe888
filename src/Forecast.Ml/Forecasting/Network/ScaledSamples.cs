using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// A sample set in the network's units, flat row-major: features standardised with the training statistics, the log
/// offset [N, tasks] (log of the scaled recent level, floored: a Poisson GLM offset, so networks learn a correction to
/// "the last week goes on" rather than the level itself), targets [N, tasks] in scaled units and the mask of the targets
/// to learn from (trained tasks with a known target).
/// </summary>
public sealed record ScaledSamples(
    int Count,
    float[] Performance,
    float[] Behaviour,
    float[] Dense,
    long[] ScenarioCodes,
    long[] AdvertiserCodes,
    float[] Offset,
    float[] Targets,
    float[] TargetMask)
{
    /// <summary>Keeps the offset finite for series without recent delivery: 5% of the task's mean.</summary>
    public const float OffsetFloor = 0.05f;

    public static ScaledSamples Of(SampleSet samples, FeatureSchema schema, FeatureScaling scaling)
    {
        var tasks = ForecastTasks.All.Count;
        var performance = (float[])samples.Performance.Clone();
        var behaviour = (float[])samples.Behaviour.Clone();
        var dense = (float[])samples.Dense.Clone();
        FeatureScaling.Standardize(performance, scaling.PerformanceMean, scaling.PerformanceStd);
        FeatureScaling.Standardize(behaviour, scaling.BehaviourMean, scaling.BehaviourStd);
        FeatureScaling.Standardize(dense, scaling.DenseMean, scaling.DenseStd);

        var targets = new float[samples.Count * tasks];
        var mask = new float[samples.Count * tasks];
        var offset = new float[samples.Count * tasks];
        for (var index = 0; index < targets.Length; index++)
        {
            var task = (ForecastTask)(index % tasks);
            var value = samples.Targets[index];
            var known = !float.IsNaN(value) && schema.TrainedTasks.Contains(task);
            targets[index] = known ? value / scaling.TargetScale[(int)task] : 0;
            mask[index] = known ? 1 : 0;
            offset[index] = MathF.Log((samples.RecentLevel[index] / scaling.TargetScale[(int)task]) + OffsetFloor);
        }

        return new ScaledSamples(samples.Count, performance, behaviour, dense, samples.ScenarioCodes, samples.AdvertiserCodes, offset, targets, mask);
    }
}
