using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// PNN's product layer (Qu et al. 2016), inner-product form: the quadratic signal pᵢⱼ = ⟨eᵢ, eⱼ⟩ for every pair of
/// fields i &lt; j, which the network concatenates with the linear signal (the embeddings themselves) before its MLP.
/// [B, F, d] → [B, F(F − 1)/2].
/// </summary>
public sealed class ProductLayer : nn.Module<Tensor, Tensor>
{
    private readonly Tensor _pairs;

    public ProductLayer(int fields) : base(nameof(ProductLayer))
    {
        var pairs = new List<long>();
        for (var first = 0; first < fields; first++)
        {
            for (var second = first + 1; second < fields; second++)
            {
                pairs.Add((first * fields) + second);
            }
        }

        _pairs = tensor(pairs.ToArray());
        Pairs = pairs.Count;
        RegisterComponents();
        register_buffer("pairs", _pairs, persistent: false);
    }

    public int Pairs { get; }

    public override Tensor forward(Tensor embedded) => matmul(embedded, embedded.transpose(1, 2)).flatten(1).index_select(1, _pairs);
}
