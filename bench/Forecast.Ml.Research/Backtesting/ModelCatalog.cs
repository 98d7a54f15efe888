using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Research.StudyModels;

namespace Forecast.Ml.Research.Backtesting;

/// <summary>A neural forecaster the backtest trains: M2M, its ablations and the neural baselines.</summary>
public sealed record ModelSpec(string Name, Func<ModelDimensions, RateModel> Create);

public static class ModelCatalog
{
    public const string M2M = "M2M";
    public const string SharedBottom = "shared-bottom MLP";

    public static ModelSpec FullM2M(M2MConfig config) => new(M2M, dimensions => new M2MModel(dimensions, config));

    public static ModelSpec SharedBottomMlp() => new(SharedBottom, dimensions => new SharedBottomModel(dimensions));

    public static IReadOnlyList<ModelSpec> Baselines() =>
    [
        SharedBottomMlp(),
        new("MMoE", dimensions => new MmoeModel(dimensions)),
    ];

    public static IReadOnlyList<ModelSpec> Ablations(M2MConfig config) =>
    [
        new("M2M w/o meta tower", dimensions => new M2MModel(dimensions, config with { UseMetaTower = false })),
        new("M2M w/o meta attention", dimensions => new M2MModel(dimensions, config with { UseMetaAttention = false })),
        new("M2M w/o transformer", dimensions => new M2MModel(dimensions, config with { UseTransformer = false })),
    ];
}
