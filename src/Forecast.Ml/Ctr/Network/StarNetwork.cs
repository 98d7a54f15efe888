using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// The multi-scenario network of the large-ad-model paper, after STAR (architecture <c>star</c>): shared field
/// embeddings weighted per scenario by a <see cref="FieldNetwork"/>, <see cref="PartitionedNormalization"/> of the
/// embeddings and numerics with each scenario's statistics, <see cref="ScenarioTowers"/> (shared tower plus the
/// scenario's own), and a <see cref="PositionBias"/> logit for the delivery slot.
/// </summary>
public sealed class StarNetwork : CtrNetwork
{
    private readonly FieldEmbeddings _embeddings;
    private readonly FieldNetwork _fieldNetwork;
    private readonly PartitionedNormalization _normalization;
    private readonly ScenarioTowers _towers;
    private readonly PositionBias _positionBias;

    public StarNetwork(CtrDimensions dimensions, CtrConfig config) : base(nameof(StarNetwork))
    {
        var width = config.EmbeddingDimension;
        var scenarios = dimensions.Cardinalities[CtrFeatureSchema.ScenarioField];
        var input = (dimensions.Fields * width) + dimensions.Numerics;
        _embeddings = new FieldEmbeddings(dimensions.Cardinalities, width);
        _fieldNetwork = new FieldNetwork(scenarios, dimensions.Fields, width);
        _normalization = new PartitionedNormalization(scenarios, input);
        _towers = new ScenarioTowers(scenarios, input, config.HiddenLayers, config.Dropout);
        _positionBias = new PositionBias(dimensions.Cardinalities[CtrFeatureSchema.SlotField], scenarios);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch)
    {
        var scenario = batch.Scenario;
        var fields = _fieldNetwork.forward(_embeddings.forward(batch.Categorical), scenario);
        var normalised = _normalization.forward(cat([fields.flatten(1), batch.Numeric], 1), scenario);
        return _towers.forward(normalised, scenario).Plus(_positionBias.forward(batch.Slot, scenario));
    }
}
