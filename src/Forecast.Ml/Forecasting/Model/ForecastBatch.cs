using Forecast.Ml.Forecasting.Data;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Model;

/// <summary>
/// Model inputs as tensors: performance [B, T, Fp], behaviour [B, T, Fb], dense [B, Fd], scenario codes [B, S],
/// advertiser codes [B, A]; the log offset [B, tasks] (log of the scaled recent level, floored: a Poisson GLM offset, so
/// networks learn a correction to "the last week goes on" rather than the level itself); targets [B, tasks] in scaled
/// units and the mask of the targets to learn from.
/// </summary>
public sealed record ForecastBatch(
    Tensor Performance,
    Tensor Behaviour,
    Tensor Dense,
    Tensor ScenarioCodes,
    Tensor AdvertiserCodes,
    Tensor Offset,
    Tensor Targets,
    Tensor TargetMask)
{
    /// <summary>Keeps the offset finite for series without recent delivery: 5% of the task's mean.</summary>
    public const float OffsetFloor = 0.05f;

    public long Size => Performance.shape[0];

    /// <summary>Scales a sample set with training statistics; the mask keeps only trained tasks with a known target.</summary>
    public static ForecastBatch From(SampleSet samples, FeatureSchema schema, FeatureScaling scaling)
    {
        int n = samples.Count, t = samples.HistoryDays, tasks = ForecastTasks.All.Count;
        var performance = (float[])samples.Performance.Clone();
        var behaviour = (float[])samples.Behaviour.Clone();
        var dense = (float[])samples.Dense.Clone();
        FeatureScaling.Standardize(performance, scaling.PerformanceMean, scaling.PerformanceStd);
        FeatureScaling.Standardize(behaviour, scaling.BehaviourMean, scaling.BehaviourStd);
        FeatureScaling.Standardize(dense, scaling.DenseMean, scaling.DenseStd);

        var targets = new float[n * tasks];
        var mask = new float[n * tasks];
        var offset = new float[n * tasks];
        for (var index = 0; index < targets.Length; index++)
        {
            var task = (ForecastTask)(index % tasks);
            var value = samples.Targets[index];
            var known = !float.IsNaN(value) && schema.TrainedTasks.Contains(task);
            targets[index] = known ? value / scaling.TargetScale[(int)task] : 0;
            mask[index] = known ? 1 : 0;
            offset[index] = MathF.Log((samples.RecentLevel[index] / scaling.TargetScale[(int)task]) + OffsetFloor);
        }

        return new ForecastBatch(
            tensor(performance, [n, t, schema.PerformanceChannels.Count]),
            tensor(behaviour, [n, t, schema.BehaviourFeatures.Count]),
            tensor(dense, [n, schema.DenseFeatureCount]),
            tensor(samples.ScenarioCodes, [n, schema.ScenarioAttributes.Count]),
            tensor(samples.AdvertiserCodes, [n, schema.AdvertiserAttributes.Count]),
            tensor(offset, [n, tasks]),
            tensor(targets, [n, tasks]),
            tensor(mask, [n, tasks]));
    }

    /// <summary>Rows start … start + count − 1 as views of this batch, nothing copied; all of them is the batch itself.</summary>
    public ForecastBatch Rows(long start, long count) => start == 0 && count == Size ? this : new(
        Performance.narrow(0, start, count),
        Behaviour.narrow(0, start, count),
        Dense.narrow(0, start, count),
        ScenarioCodes.narrow(0, start, count),
        AdvertiserCodes.narrow(0, start, count),
        Offset.narrow(0, start, count),
        Targets.narrow(0, start, count),
        TargetMask.narrow(0, start, count));

    public ForecastBatch Select(Tensor indices) => new(
        Performance.index_select(0, indices),
        Behaviour.index_select(0, indices),
        Dense.index_select(0, indices),
        ScenarioCodes.index_select(0, indices),
        AdvertiserCodes.index_select(0, indices),
        Offset.index_select(0, indices),
        Targets.index_select(0, indices),
        TargetMask.index_select(0, indices));
}
