using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// GwEN's group-wise embedding (Alibaba 2016, seed 002): the IDs of one feature group are embedded and average-pooled,
/// gₖ = (1/|Gₖ|) Σ_{i∈Gₖ} eᵢ, so a group of any size becomes one d-wide vector; the groups are then concatenated for the
/// fully connected layers. A group with no ID (an advertiser without deliveries yet) pools to 0.
/// embedded [B, n, d], mask [B, n] (true on real IDs) → [B, d].
/// </summary>
public sealed class GroupwiseEmbedding() : nn.Module<Tensor, Tensor, Tensor>(nameof(GroupwiseEmbedding))
{
    public override Tensor forward(Tensor embedded, Tensor mask)
    {
        var weights = mask.to_type(embedded.dtype);
        var count = weights.sum(dim: 1, keepdim: true).AtLeast(1);
        return (embedded * weights.unsqueeze(-1)).sum(dim: 1) / count;
    }
}
