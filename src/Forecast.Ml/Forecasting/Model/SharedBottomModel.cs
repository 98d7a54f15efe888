using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Model;

/// <summary>Baseline: one shared MLP over the flattened inputs, one linear head per task.</summary>
public sealed class SharedBottomModel : RateModel
{
    private readonly CategoricalEmbeddings _scenarioAttributes;
    private readonly CategoricalEmbeddings _advertiserAttributes;
    private readonly Sequential _bottom;
    private readonly Linear _heads;

    public SharedBottomModel(ModelDimensions dimensions, int hidden = 64, double dropout = 0.1) : base(nameof(SharedBottomModel))
    {
        _scenarioAttributes = new CategoricalEmbeddings(dimensions.ScenarioCardinalities, 8);
        _advertiserAttributes = new CategoricalEmbeddings(dimensions.AdvertiserCardinalities, 8);
        var input = FlatFeatures.Size(dimensions, _scenarioAttributes.OutputSize + _advertiserAttributes.OutputSize);
        _bottom = nn.Sequential(nn.Linear(input, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, hidden), nn.ReLU());
        _heads = nn.Linear(hidden, dimensions.Tasks);
        RegisterComponents();
    }

    public override RateOutput forward(ForecastBatch batch) =>
        new(_heads.forward(_bottom.forward(FlatFeatures.Of(
            batch, _scenarioAttributes.forward(batch.ScenarioCodes), _advertiserAttributes.forward(batch.AdvertiserCodes)))), null);
}
