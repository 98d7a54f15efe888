using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// DeepFM (Guo et al. 2017): first-order terms, a factorisation machine's pairwise interactions
/// ½((Σ eᵢ)² − Σ eᵢ²) and an MLP, all over the same field embeddings; their logits add.
/// </summary>
public sealed class DeepFm : CtrNetwork
{
    private readonly LinearTerm _firstOrder;
    private readonly FieldEmbeddings _embeddings;
    private readonly DeepTower _deep;

    public DeepFm(CtrDimensions dimensions, CtrConfig config) : base(nameof(DeepFm))
    {
        _firstOrder = new LinearTerm(dimensions.Cardinalities, dimensions.Numerics);
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, config.EmbeddingDimension);
        _deep = new DeepTower((dimensions.Fields * config.EmbeddingDimension) + dimensions.Numerics, config.HiddenLayers, config.Dropout);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var embedded = _embeddings.forward(batch.Categorical);
        var summed = embedded.sum(dim: 1);
        var pairwise = ((summed * summed) - (embedded * embedded).sum(dim: 1)).sum(dim: 1).Times(0.5);
        var deepInput = cat([embedded.flatten(1), batch.Numeric], 1);
        return _firstOrder.forward(batch.Categorical, batch.Numeric).squeeze(-1).Plus(pairwise).Plus(_deep.forward(deepInput));
    }
}
