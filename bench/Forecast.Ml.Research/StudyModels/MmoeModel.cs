using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Research.StudyModels;

/// <summary>Baseline: MMoE — shared experts over the flattened inputs, a softmax gate and a tower per task.</summary>
public sealed class MmoeModel : RateModel
{
    private readonly CategoricalEmbeddings _scenarioAttributes;
    private readonly CategoricalEmbeddings _advertiserAttributes;
    private readonly ExpertLayer _experts;
    private readonly Linear _gates;
    private readonly TaskHeads _heads;
    private readonly ZeroHeads _zeroHeads;
    private readonly int _tasks;
    private readonly int _expertCount;

    public MmoeModel(ModelDimensions dimensions, int experts = 4, int expertDimension = 32, double dropout = 0.1) : base(nameof(MmoeModel))
    {
        _tasks = dimensions.Tasks;
        _expertCount = experts;
        _scenarioAttributes = new CategoricalEmbeddings(dimensions.ScenarioCardinalities, 8);
        _advertiserAttributes = new CategoricalEmbeddings(dimensions.AdvertiserCardinalities, 8);
        var input = FlatFeatures.Size(dimensions, _scenarioAttributes.OutputSize + _advertiserAttributes.OutputSize);
        _experts = new ExpertLayer(input, experts, expertDimension, dropout);
        _gates = nn.Linear(input, dimensions.Tasks * experts);
        _heads = new TaskHeads(dimensions.Tasks, expertDimension);
        _zeroHeads = new ZeroHeads(dimensions.Tasks, expertDimension);
        RegisterComponents();
    }

    public override RateOutput forward(ForecastBatch batch)
    {
        var features = FlatFeatures.Of(batch, _scenarioAttributes.forward(batch.ScenarioCodes), _advertiserAttributes.forward(batch.AdvertiserCodes));
        var experts = _experts.forward(features); // [B, k, d]
        var gates = _gates.forward(features).view(-1, _tasks, _expertCount).softmax(2); // [B, m, k]
        var perTask = (gates.unsqueeze(3) * experts.unsqueeze(1)).sum(2); // [B, m, d]
        return new RateOutput(_heads.forward(perTask).Plus(batch.Offset), _zeroHeads.forward(perTask, batch.Offset), gates);
    }
}
