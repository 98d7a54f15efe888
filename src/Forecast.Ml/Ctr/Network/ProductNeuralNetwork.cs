using Forecast.Ml.Ctr.Data;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// PNN (Qu et al. 2016), inner-product form (architecture <c>pnn</c>): the linear signal (the field embeddings) and the
/// <see cref="ProductLayer"/>'s quadratic signal ⟨eᵢ, eⱼ⟩, concatenated with the numerics, feed an MLP.
/// </summary>
public sealed class ProductNeuralNetwork : CtrNetwork
{
    private readonly FieldEmbeddings _embeddings;
    private readonly ProductLayer _products;
    private readonly DeepTower _tower;

    public ProductNeuralNetwork(CtrDimensions dimensions, CtrConfig config) : base(nameof(ProductNeuralNetwork))
    {
        var width = config.EmbeddingDimension;
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, width);
        _products = new ProductLayer(dimensions.Fields);
        _tower = new DeepTower((dimensions.Fields * width) + _products.Pairs + dimensions.Numerics, config.HiddenLayers, config.Dropout);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var embedded = _embeddings.forward(batch.Categorical);
        return _tower.forward(cat([embedded.flatten(1), _products.forward(embedded), batch.Numeric], 1));
    }
}
