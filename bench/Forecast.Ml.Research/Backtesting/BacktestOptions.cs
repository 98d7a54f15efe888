using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;

namespace Forecast.Ml.Research.Backtesting;

/// <summary>
/// What the backtest trains. <see cref="M2MCandidates"/> are the M2M hyper-parameters to choose from: the one with the
/// lowest validation SMAPE (mean over trained tasks) is scored on test and used for the ablations and cold start.
/// Every neural model, baselines included, is an average of <see cref="EnsembleSeeds"/> networks trained from
/// different seeds.
/// </summary>
public sealed record BacktestOptions(
    ForecastWindow Window,
    IReadOnlyList<M2MConfig> M2MCandidates,
    TrainingOptions Training,
    bool Ablations = true,
    bool ColdStart = true,
    int EnsembleSeeds = 3,
    Action<string>? Log = null)
{
    /// <summary>The defaults and one change at a time around them.</summary>
    public static readonly IReadOnlyList<M2MConfig> DefaultCandidates =
    [
        new M2MConfig(),
        new M2MConfig(Experts: 8),
        new M2MConfig(Dropout: 0.2),
        new M2MConfig(SequenceDimension: 16, ExpertDimension: 16),
        new M2MConfig(TowerLayers: 2),
        new M2MConfig(ScenarioDimension: 32),
    ];
}
