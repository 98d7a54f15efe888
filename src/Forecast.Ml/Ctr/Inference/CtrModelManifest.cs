using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Network;

namespace Forecast.Ml.Ctr.Inference;

/// <summary>What a saved CTR model needs besides its weights: architecture, config, feature schema and calibration.</summary>
public sealed record CtrModelManifest(
    string FormatVersion,
    CtrArchitecture Architecture,
    DateOnly TrainedThrough,
    CtrConfig Config,
    CtrFeatureSchema Schema,
    ScenarioCalibration Calibration)
{
    public const string CurrentFormat = "forecast-ctr/2";
}
