using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Research.StudyModels;

/// <summary>Baseline: one shared MLP over the flattened inputs, one linear rate head and one zero head per task.</summary>
public sealed class SharedBottomModel : RateModel
{
    private readonly CategoricalEmbeddings _scenarioAttributes;
    private readonly CategoricalEmbeddings _advertiserAttributes;
    private readonly Sequential _bottom;
    private readonly TaskHeads _heads;
    private readonly ZeroHeads _zeroHeads;
    private readonly int _tasks;

    public SharedBottomModel(ModelDimensions dimensions, int hidden = 64, double dropout = 0.1) : base(nameof(SharedBottomModel))
    {
        _scenarioAttributes = new CategoricalEmbeddings(dimensions.ScenarioCardinalities, 8);
        _advertiserAttributes = new CategoricalEmbeddings(dimensions.AdvertiserCardinalities, 8);
        var input = FlatFeatures.Size(dimensions, _scenarioAttributes.OutputSize + _advertiserAttributes.OutputSize);
        _bottom = nn.Sequential(nn.Linear(input, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, hidden), nn.ReLU());
        _tasks = dimensions.Tasks;
        _heads = new TaskHeads(dimensions.Tasks, hidden);
        _zeroHeads = new ZeroHeads(dimensions.Tasks, hidden);
        RegisterComponents();
    }

    public override RateOutput forward(ForecastBatch batch)
    {
        var shared = _bottom.forward(FlatFeatures.Of(
            batch, _scenarioAttributes.forward(batch.ScenarioCodes), _advertiserAttributes.forward(batch.AdvertiserCodes)));
        var perTask = shared.unsqueeze(1).expand(-1, _tasks, -1); // the same bottom for every task: [B, m, hidden]
        return new RateOutput(_heads.forward(perTask).Plus(batch.Offset), _zeroHeads.forward(perTask, batch.Offset), null);
    }
}
