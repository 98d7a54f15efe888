using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Research.StudyModels;

/// <summary>The baselines' input: both sequences flattened, with dense features and attribute embeddings.</summary>
public static class FlatFeatures
{
    public static int Size(ModelDimensions dimensions, int categorical) =>
        (dimensions.HistoryDays * (dimensions.PerformanceChannels + dimensions.BehaviourFeatures)) + dimensions.DenseFeatures + categorical;

    public static Tensor Of(ForecastBatch batch, Tensor scenario, Tensor advertiser) =>
        cat([batch.Performance.flatten(1), batch.Behaviour.flatten(1), batch.Dense, scenario, advertiser], 1);
}
