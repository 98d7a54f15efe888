using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Network;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>
/// What a saved forecast model needs besides its weights: version, window, config, vocabularies, scaling, M2M's and the
/// trees' point rules, the baseline guard's choice per task and scenario, the intervals and the churn source.
/// </summary>
public sealed record ForecastModelManifest(
    string FormatVersion,
    string Kind,
    DateOnly TrainedThrough,
    ForecastWindow Window,
    M2MConfig Config,
    FeatureSchema Schema,
    FeatureScaling Scaling,
    ServingCalibration Calibration,
    PointForecastRule TreePointRule,
    ServedSelection Selection,
    ResidualIntervals Intervals,
    ChurnChoice Churn)
{
    public const string CurrentFormat = "forecast-m2m/2";
    public const string ModelKind = "forecast";

    /// <summary>The architecture the registry records: M2M guarded by the trees and the statistical baselines.</summary>
    public const string Architecture = "m2m-guarded";
}
