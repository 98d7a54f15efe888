using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// AutoAttention (Zuo et al. 2022), the large-ad-model paper's replacement for DIN's activation unit: a behaviour token's
/// relevance is a weighted sum of dot products between every query field and every key field,
/// sₗ = Σᵢ Σⱼ wᵢⱼ ⟨qᵢ, kₗⱼ⟩, aₗ = softmax(s) over the real tokens (0 on padding). The field-pair weights wᵢⱼ learn which
/// pairs matter (the paper prunes weak pairs; with a handful of fields every pair is kept), so attention costs one
/// bilinear product per token instead of an MLP. queries [B, Q, d], keys [B, L, K, d], mask [B, L] → weights [B, L].
/// </summary>
public sealed class AutoAttention : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Parameter _pairWeights;
    private readonly double _scale;

    public AutoAttention(int queryFields, int keyFields, int dimension) : base(nameof(AutoAttention))
    {
        // Equal weights to start: every field pair is a candidate until training says otherwise.
        _pairWeights = nn.Parameter(ones(queryFields, keyFields).DividedBy(queryFields * keyFields));
        _scale = 1 / Math.Sqrt(dimension);
        RegisterComponents();
    }

    /// <summary>The learned weight of each (query field, key field) pair [Q, K].</summary>
    public Tensor PairWeights => _pairWeights;

    public override Tensor forward(Tensor queries, Tensor keys, Tensor mask)
    {
        var scores = einsum("bqd,qk,blkd->bl", queries, _pairWeights, keys).Times(_scale);
        return nn.functional.softmax(scores.FilledWhere(mask.logical_not(), -1e9), 1) * mask;
    }
}
