using Forecast.Ml.Ctr.Data;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// DIN with AutoAttention (architecture <c>autoattention</c>): the queries are the observation's field embeddings and
/// the candidate slot × scenario, the keys each behaviour token's slot × scenario and CTR bucket; the attention-weighted
/// tokens are the advertiser's interest for this candidate, fed with the field embeddings into an MLP as in DIN.
/// </summary>
public sealed class AutoAttentionNetwork : CtrNetwork
{
    private readonly FieldEmbeddings _embeddings;
    private readonly BehaviourTokens _tokens;
    private readonly AutoAttention _attention;
    private readonly DeepTower _tower;

    public AutoAttentionNetwork(CtrDimensions dimensions, CtrConfig config) : base(nameof(AutoAttentionNetwork))
    {
        var width = config.EmbeddingDimension;
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, width);
        _tokens = new BehaviourTokens(dimensions, width);
        _attention = new AutoAttention(dimensions.Fields + 1, BehaviourTokens.KeyFields, width);
        _tower = new DeepTower((dimensions.Fields * width) + dimensions.Numerics + ((BehaviourTokens.KeyFields + 1) * width), config.HiddenLayers, config.Dropout);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var fields = _embeddings.forward(batch.Categorical);
        var candidate = _tokens.Candidate(batch);
        var keys = _tokens.forward(batch);
        var weights = _attention.forward(cat([fields, candidate.unsqueeze(1)], 1), keys, batch.SequenceMask);
        var interest = (weights.unsqueeze(-1).unsqueeze(-1) * keys).sum(dim: 1).flatten(1);
        return _tower.forward(cat([fields.flatten(1), batch.Numeric, interest, candidate], 1));
    }

    /// <summary>Attention weights over the behaviour sequence [B, L] (0 on padding).</summary>
    public Tensor AttentionWeights(CtrBatch batch)
    {
        var queries = cat([_embeddings.forward(batch.Categorical), _tokens.Candidate(batch).unsqueeze(1)], 1);
        return _attention.forward(queries, _tokens.forward(batch), batch.SequenceMask);
    }
}
