using Forecast.Ml.Ctr.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// PEPNet (Chang et al. 2023) for one task, with the scenario as domain.
/// EPNet: a Gate NU fed with the scenario embedding and the field embeddings scales those embeddings per scenario; the
/// embeddings enter the gate detached, so the gate learns to personalise without pulling the shared embeddings.
/// PPNet: every tower layer's output is scaled by its own Gate NU fed with the priors (advertiser and scenario
/// embeddings, from their own tables) and the personalised embeddings, again detached.
/// </summary>
public sealed class PepNet : CtrNetwork
{
    private readonly FieldEmbeddings _embeddings;
    private readonly Embedding _scenarioPrior;
    private readonly Embedding _advertiserPrior;
    private readonly GateNeuralUnit _embeddingGate;
    private readonly ModuleList<Linear> _layers;
    private readonly ModuleList<GateNeuralUnit> _layerGates;
    private readonly Dropout _dropout;
    private readonly Linear _output;

    public PepNet(CtrDimensions dimensions, CtrConfig config) : base(nameof(PepNet))
    {
        var width = config.EmbeddingDimension;
        var embedded = dimensions.Fields * width;
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, width);
        _scenarioPrior = nn.Embedding(dimensions.Cardinalities[CtrFeatureSchema.ScenarioField], width);
        _advertiserPrior = nn.Embedding(dimensions.Cardinalities[CtrFeatureSchema.AdvertiserField], width);
        _embeddingGate = new GateNeuralUnit(width + embedded, embedded, config.GateGamma);

        var layers = new List<Linear>();
        var gates = new List<GateNeuralUnit>();
        var input = embedded + dimensions.Numerics;
        foreach (var size in config.HiddenLayers)
        {
            layers.Add(nn.Linear(input, size));
            gates.Add(new GateNeuralUnit((2 * width) + embedded, size, config.GateGamma));
            input = size;
        }

        _layers = nn.ModuleList(layers.ToArray());
        _layerGates = nn.ModuleList(gates.ToArray());
        _dropout = nn.Dropout(config.Dropout);
        _output = nn.Linear(input, 1);
        RegisterComponents();
    }

    /// <summary>The field embedding table (tests check the gate path leaves its gradient alone).</summary>
    public Parameter EmbeddingWeight => _embeddings.Weight;

    protected override Tensor Correction(CtrBatch batch)
    {
        var embedded = _embeddings.forward(batch.Categorical).flatten(1);
        var personalised = embedded * EmbeddingGate(batch, embedded);
        var priors = cat([_advertiserPrior.forward(batch.Advertiser), _scenarioPrior.forward(batch.Scenario), personalised.detach()], 1);
        var hidden = cat([personalised, batch.Numeric], 1);
        for (var layer = 0; layer < _layers.Count; layer++)
        {
            hidden = _dropout.forward(nn.functional.relu(_layers[layer].forward(hidden)) * _layerGates[layer].forward(priors));
        }

        return _output.forward(hidden).squeeze(-1);
    }

    /// <summary>EPNet's gate δ_domain [B, F·d] for the batch's field embeddings, which it reads with the gradient stopped.</summary>
    public Tensor EmbeddingGate(CtrBatch batch, Tensor embedded) =>
        _embeddingGate.forward(cat([_scenarioPrior.forward(batch.Scenario), embedded.detach()], 1));

    public Tensor EmbeddingGate(CtrBatch batch) => EmbeddingGate(batch, _embeddings.forward(batch.Categorical).flatten(1));
}
