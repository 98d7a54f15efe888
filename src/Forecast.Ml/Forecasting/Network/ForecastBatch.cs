using Forecast.Ml.Forecasting.Data;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Model inputs as tensors: performance [B, T, Fp], behaviour [B, T, Fb], dense [B, Fd], scenario codes [B, S],
/// advertiser codes [B, A]; the log offset [B, tasks], targets [B, tasks] in scaled units and their mask (see
/// <see cref="ScaledSamples"/>).
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
    public long Size => Performance.shape[0];

    /// <summary>Scales a sample set with training statistics; the mask keeps only trained tasks with a known target.</summary>
    public static ForecastBatch From(SampleSet samples, FeatureSchema schema, FeatureScaling scaling) =>
        From(ScaledSamples.Of(samples, schema, scaling), ModelDimensions.Of(schema, samples.HistoryDays));

    public static ForecastBatch From(ScaledSamples samples, ModelDimensions dimensions)
    {
        var (n, days, tasks) = (samples.Count, dimensions.HistoryDays, dimensions.Tasks);
        return new ForecastBatch(
            tensor(samples.Performance, [n, days, dimensions.PerformanceChannels]),
            tensor(samples.Behaviour, [n, days, dimensions.BehaviourFeatures]),
            tensor(samples.Dense, [n, dimensions.DenseFeatures]),
            tensor(samples.ScenarioCodes, [n, dimensions.ScenarioCardinalities.Count]),
            tensor(samples.AdvertiserCodes, [n, dimensions.AdvertiserCardinalities.Count]),
            tensor(samples.Offset, [n, tasks]),
            tensor(samples.Targets, [n, tasks]),
            tensor(samples.TargetMask, [n, tasks]));
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
