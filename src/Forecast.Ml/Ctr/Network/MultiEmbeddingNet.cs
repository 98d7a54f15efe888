using Forecast.Ml.Ctr.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// Multi-Embedding Net (the large-ad-model paper's answer to targets of different sparsity): three embedding
/// sub-networks of different widths (<see cref="CtrConfig.MultiEmbeddingWidths"/>), each its own embedding tables and
/// expert MLP hₖ = MLPₖ([Eₖ(x); numerics]), mixed per task by an MMoE gate, gₜ = softmax(Wₜ [E₁(x); numerics]),
/// ŷₜ = towerₜ(Σₖ gₜₖ hₖ). The tasks are the scenarios: each learns how much of the wide embeddings (precise where
/// clicks are dense) and of the narrow ones (quicker to converge where they are sparse) it needs, and
/// <see cref="GateWeights"/> reports the choice.
/// </summary>
public sealed class MultiEmbeddingNet : CtrNetwork
{
    private readonly ModuleList<FieldEmbeddings> _embeddings;
    private readonly ModuleList<Sequential> _experts;
    private readonly Linear _gates;
    private readonly Linear _towers;
    private readonly int _scenarios;

    public MultiEmbeddingNet(CtrDimensions dimensions, CtrConfig config) : base(nameof(MultiEmbeddingNet))
    {
        var widths = config.MultiEmbeddingWidths;
        var hidden = config.HiddenLayers;
        _scenarios = dimensions.Cardinalities[CtrFeatureSchema.ScenarioField];
        _embeddings = nn.ModuleList(widths.Select(width => new FieldEmbeddings(dimensions.Cardinalities, width)).ToArray());
        _experts = nn.ModuleList(widths.Select(width =>
            nn.Sequential(DeepTower.HiddenLayers((dimensions.Fields * width) + dimensions.Numerics, hidden, config.Dropout))).ToArray());
        _gates = nn.Linear((dimensions.Fields * widths[0]) + dimensions.Numerics, _scenarios * widths.Length);
        _towers = nn.Linear(hidden[^1], _scenarios);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var inputs = Inputs(batch);
        var experts = stack(inputs.Select((input, expert) => _experts[expert].forward(input)), 1);
        var mixed = (Gates(batch, inputs[0]).unsqueeze(-1) * experts).sum(dim: 1);
        return _towers.forward(mixed).gather(1, batch.Scenario.unsqueeze(1)).squeeze(1);
    }

    /// <summary>Each row's gate over the three embedding widths for its own task (scenario) [B, 3]; rows sum to 1.</summary>
    public Tensor GateWeights(CtrBatch batch) => Gates(batch, Input(batch, 0));

    private Tensor Gates(CtrBatch batch, Tensor narrowest)
    {
        var all = _gates.forward(narrowest).view(-1, _scenarios, _embeddings.Count);
        var own = all.gather(1, batch.Scenario.view(-1, 1, 1).expand(-1, 1, _embeddings.Count)).squeeze(1);
        return nn.functional.softmax(own, 1);
    }

    private List<Tensor> Inputs(CtrBatch batch) => Enumerable.Range(0, _embeddings.Count).Select(width => Input(batch, width)).ToList();

    private Tensor Input(CtrBatch batch, int width) => cat([_embeddings[width].forward(batch.Categorical).flatten(1), batch.Numeric], 1);
}
