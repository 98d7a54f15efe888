using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// Wide &amp; Deep (Cheng et al. 2016): a wide linear part that memorises field values plus a deep MLP over the field
/// embeddings and numerics that generalises; their logits add.
/// </summary>
public sealed class WideAndDeep : CtrNetwork
{
    private readonly LinearTerm _wide;
    private readonly FieldEmbeddings _embeddings;
    private readonly DeepTower _deep;

    public WideAndDeep(CtrDimensions dimensions, CtrConfig config) : base(nameof(WideAndDeep))
    {
        _wide = new LinearTerm(dimensions.Cardinalities, dimensions.Numerics);
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, config.EmbeddingDimension);
        _deep = new DeepTower((dimensions.Fields * config.EmbeddingDimension) + dimensions.Numerics, config.HiddenLayers, config.Dropout);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var deepInput = cat([_embeddings.forward(batch.Categorical).flatten(1), batch.Numeric], 1);
        return _wide.forward(batch.Categorical, batch.Numeric).squeeze(-1).Plus(_deep.forward(deepInput));
    }
}
