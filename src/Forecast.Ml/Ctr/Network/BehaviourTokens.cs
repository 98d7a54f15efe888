using Forecast.Ml.Ctr.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// Embeddings of the behaviour sequence as two key fields per token — its slot × scenario and its CTR bucket — and of
/// the candidate slot × scenario, in the placement table the tokens use.
/// </summary>
public sealed class BehaviourTokens : nn.Module<CtrBatch, Tensor>
{
    public const int KeyFields = 2;

    private readonly Embedding _placements;
    private readonly Embedding _ctrBuckets;

    public BehaviourTokens(CtrDimensions dimensions, int dimension) : base(nameof(BehaviourTokens))
    {
        _placements = nn.Embedding(dimensions.Placements, dimension);
        _ctrBuckets = nn.Embedding(dimensions.CtrBuckets, dimension);
        RegisterComponents();
    }

    /// <summary>The tokens' key fields [B, L, 2, d].</summary>
    public override Tensor forward(CtrBatch batch) =>
        stack([_placements.forward(batch.SequencePlacement), _ctrBuckets.forward(batch.SequenceCtr)], 2);

    /// <summary>The candidate slot × scenario [B, d].</summary>
    public Tensor Candidate(CtrBatch batch) => _placements.forward(batch.Candidate);
}
