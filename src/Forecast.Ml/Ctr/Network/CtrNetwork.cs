using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// A CTR network: a batch of observations → click logits [B], the batch's base logit (the advertiser's smoothed recent
/// CTR) plus the correction the architecture computes.
/// </summary>
public abstract class CtrNetwork(string name) : nn.Module<CtrBatch, Tensor>(name)
{
    public sealed override Tensor forward(CtrBatch batch) => batch.BaseLogit.Plus(Correction(batch));

    /// <summary>The architecture's logit correction to the base logit [B].</summary>
    protected abstract Tensor Correction(CtrBatch batch);

    public static CtrNetwork Create(CtrArchitecture architecture, CtrDimensions dimensions, CtrConfig config) => architecture switch
    {
        CtrArchitecture.HistoricalCtr => new HistoricalCtrLookup(),
        CtrArchitecture.LogisticRegression => new LogisticRegression(dimensions),
        CtrArchitecture.MixedLogisticRegression => new MixedLogisticRegression(dimensions, config),
        CtrArchitecture.WideAndDeep => new WideAndDeep(dimensions, config),
        CtrArchitecture.DeepFm => new DeepFm(dimensions, config),
        CtrArchitecture.Din => new DeepInterestNetwork(dimensions, config),
        CtrArchitecture.PepNet => new PepNet(dimensions, config),
        CtrArchitecture.AutoAttention => new AutoAttentionNetwork(dimensions, config),
        CtrArchitecture.Star => new StarNetwork(dimensions, config),
        CtrArchitecture.MultiEmbedding => new MultiEmbeddingNet(dimensions, config),
        CtrArchitecture.Gwen => new GroupwiseEmbeddingNetwork(dimensions, config),
        CtrArchitecture.Pnn => new ProductNeuralNetwork(dimensions, config),
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, null),
    };
}
