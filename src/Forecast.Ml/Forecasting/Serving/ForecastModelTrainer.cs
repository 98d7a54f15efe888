using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Model;
using Forecast.Ml.Forecasting.Training;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Serving;

/// <summary>
/// Trains the served M2M model of a tenant's panel: fit on everything but the last 21 days, early-stop and calibrate on
/// those (no test range: the backtest measures the method, the served model uses all the history it can).
/// </summary>
public static class ForecastModelTrainer
{
    public static (ForecastModel Model, TrainingReport Report, IReadOnlyList<int> ValidationAsOfDays) Train(
        SeriesPanel panel, ForecastWindow window, M2MConfig config, TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        using var data = PreparedSplit.Create(panel, window, testDays: 0);
        manual_seed(options.Seed);
        var network = new M2MModel(data.Dimensions, config);
        var report = RateModelTrainer.Train(network, data.TrainBatch, data.ValidationBatch, options, progress);
        var calibration = ServingCalibration.Fit(data.Validation, RateModelPredictor.Predict(network, data.ValidationBatch, data.Scaling), data.Schema);
        var manifest = new ForecastModelManifest(
            ForecastModelManifest.CurrentFormat,
            ForecastModelManifest.M2MKind,
            panel.DateOf(panel.Days - 1),
            window,
            config,
            data.Schema,
            data.Scaling,
            calibration);
        return (new ForecastModel(manifest, network), report, data.Split.Validation);
    }
}
