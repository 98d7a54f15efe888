using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// DIN (Zhou et al. 2018): the candidate (this slot × scenario) attends over the advertiser's recent deliveries, each
/// a slot × scenario token plus its CTR bucket. An activation MLP scores every token from [q, k, q − k, q ⊙ k]; the
/// weighted sum is the advertiser's interest for this candidate, fed with the field embeddings into an MLP. The weights
/// are softmax-normalised over the real tokens (the paper leaves them raw; normalised weights train more steadily on
/// short sequences), and an empty history gives a zero interest.
/// </summary>
public sealed class DeepInterestNetwork : CtrNetwork
{
    private readonly FieldEmbeddings _embeddings;
    private readonly Embedding _placements;
    private readonly Embedding _ctrBuckets;
    private readonly Sequential _activation;
    private readonly DeepTower _tower;

    public DeepInterestNetwork(CtrDimensions dimensions, CtrConfig config) : base(nameof(DeepInterestNetwork))
    {
        var width = config.EmbeddingDimension;
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, width);
        _placements = nn.Embedding(dimensions.Placements, width);
        _ctrBuckets = nn.Embedding(dimensions.CtrBuckets, width);
        _activation = nn.Sequential(nn.Linear(4 * width, 32), nn.ReLU(), nn.Linear(32, 1));
        _tower = new DeepTower((dimensions.Fields * width) + dimensions.Numerics + (2 * width), config.HiddenLayers, config.Dropout);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var (interest, candidate) = Interest(batch);
        return _tower.forward(cat([_embeddings.forward(batch.Categorical).flatten(1), batch.Numeric, interest, candidate], 1));
    }

    /// <summary>Attention weights over the behaviour sequence [B, L] (0 on padding): what the forecast attended to.</summary>
    public Tensor AttentionWeights(CtrBatch batch)
    {
        var keys = Keys(batch);
        var query = _placements.forward(batch.Candidate).unsqueeze(1).expand_as(keys);
        var scores = _activation.forward(cat([query, keys, query - keys, query * keys], 2)).squeeze(-1);
        var mask = batch.SequenceMask;
        return nn.functional.softmax(scores.FilledWhere(mask.logical_not(), -1e9), 1) * mask;
    }

    private (Tensor Interest, Tensor Candidate) Interest(CtrBatch batch)
    {
        var weights = AttentionWeights(batch);
        return ((weights.unsqueeze(-1) * Keys(batch)).sum(dim: 1), _placements.forward(batch.Candidate));
    }

    /// <summary>A behaviour token: its slot × scenario plus its CTR bucket [B, L, d].</summary>
    private Tensor Keys(CtrBatch batch) => _placements.forward(batch.SequencePlacement).Plus(_ctrBuckets.forward(batch.SequenceCtr));
}
