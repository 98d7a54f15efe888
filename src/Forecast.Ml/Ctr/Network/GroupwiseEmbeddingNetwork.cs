using Forecast.Ml.Ctr.Data;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// GwEN (architecture <c>gwen</c>): every feature group embedded and pooled by <see cref="GroupwiseEmbedding"/> —
/// each single-valued field is a group of one, the behaviour sequence two groups (its slot × scenario tokens and their
/// CTR buckets) average-pooled over the real tokens — then the groups, the candidate slot × scenario and the numerics
/// concatenated into an MLP. It is DIN without the attention: the base the later models improve on.
/// </summary>
public sealed class GroupwiseEmbeddingNetwork : CtrNetwork
{
    private readonly FieldEmbeddings _embeddings;
    private readonly BehaviourTokens _tokens;
    private readonly GroupwiseEmbedding _pooling;
    private readonly DeepTower _tower;

    public GroupwiseEmbeddingNetwork(CtrDimensions dimensions, CtrConfig config) : base(nameof(GroupwiseEmbeddingNetwork))
    {
        var width = config.EmbeddingDimension;
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, width);
        _tokens = new BehaviourTokens(dimensions, width);
        _pooling = new GroupwiseEmbedding();
        _tower = new DeepTower((dimensions.Fields * width) + dimensions.Numerics + ((BehaviourTokens.KeyFields + 1) * width), config.HiddenLayers, config.Dropout);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var behaviour = _pooling.forward(_tokens.forward(batch).flatten(2), batch.SequenceMask);
        return _tower.forward(cat([_embeddings.forward(batch.Categorical).flatten(1), batch.Numeric, behaviour, _tokens.Candidate(batch)], 1));
    }
}
