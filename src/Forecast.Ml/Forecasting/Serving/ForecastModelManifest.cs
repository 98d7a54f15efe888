using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Model;

namespace Forecast.Ml.Forecasting.Serving;

/// <summary>What a saved M2M model needs besides its weights: version, window, config, vocabularies, scaling, calibration.</summary>
public sealed record ForecastModelManifest(
    string FormatVersion,
    string Kind,
    DateOnly TrainedThrough,
    ForecastWindow Window,
    M2MConfig Config,
    FeatureSchema Schema,
    FeatureScaling Scaling,
    ServingCalibration Calibration)
{
    public const string CurrentFormat = "forecast-m2m/1";
    public const string M2MKind = "m2m";
}
