using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>Input sizes a model is built for, taken from the feature schema.</summary>
public sealed record ModelDimensions(
    int HistoryDays,
    int PerformanceChannels,
    int BehaviourFeatures,
    int DenseFeatures,
    IReadOnlyList<int> ScenarioCardinalities,
    IReadOnlyList<int> AdvertiserCardinalities,
    int Tasks)
{
    public static ModelDimensions Of(FeatureSchema schema, ForecastWindow window) => Of(schema, window.HistoryDays);

    public static ModelDimensions Of(FeatureSchema schema, int historyDays) => new(
        historyDays,
        schema.PerformanceChannels.Count,
        schema.BehaviourFeatures.Count,
        schema.DenseFeatureCount,
        schema.ScenarioAttributes.Select(attribute => attribute.Cardinality).ToList(),
        schema.AdvertiserAttributes.Select(attribute => attribute.Cardinality).ToList(),
        ForecastTasks.All.Count);
}
