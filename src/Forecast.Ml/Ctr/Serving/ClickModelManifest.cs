using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Model;

namespace Forecast.Ml.Ctr.Serving;

/// <summary>What a saved CTR model needs besides its weights: architecture, config, feature schema and calibration.</summary>
public sealed record ClickModelManifest(
    string FormatVersion,
    CtrArchitecture Architecture,
    DateOnly TrainedThrough,
    CtrConfig Config,
    CtrFeatureSchema Schema,
    ScenarioCalibration Calibration)
{
    public const string CurrentFormat = "forecast-ctr/2";
}
