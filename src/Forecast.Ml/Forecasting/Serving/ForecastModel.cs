using System.Text.Json;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Model;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Serving;

/// <summary>
/// A trained M2M model ready to serve: forecasts every series of a panel from an as-of day, and saves to / loads from
/// one artifact (a zip of manifest.json and the TorchSharp weights) that reproduces its predictions bit for bit.
/// </summary>
public sealed class ForecastModel : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public ForecastModel(ForecastModelManifest manifest, M2MModel network)
    {
        Manifest = manifest;
        Network = network;
        Network.eval();
    }

    public ForecastModelManifest Manifest { get; }

    public M2MModel Network { get; }

    /// <summary>Forecasts the horizon after <paramref name="asOfDay"/> for every series alive then. Synchronous: tensor work stays on one thread.</summary>
    public IReadOnlyList<SeriesForecast> Forecast(SeriesPanel panel, int asOfDay)
    {
        var (schema, window) = (Manifest.Schema, Manifest.Window);
        var (samples, predictions, points) = Predict(panel, [asOfDay]);
        var tasks = ForecastTasks.All.Count;
        var experts = predictions.Attention is null ? 0 : predictions.Attention.Length / (samples.Count * tasks);
        return Enumerable.Range(0, samples.Count).Select(sample =>
        {
            var series = panel.Series[samples.SeriesIndex[sample]];
            var perTask = schema.TrainedTasks.Select(task =>
            {
                var index = (sample * tasks) + (int)task;
                var (lower, upper) = Manifest.Calibration.Intervals[task].Around(points[index]);
                var weights = experts == 0 ? [] : predictions.Attention!.AsSpan(index * experts, experts).ToArray();
                return new TaskForecast(task, predictions.Rates[index], points[index], Math.Min(lower, points[index]), Math.Max(upper, points[index]), weights);
            }).ToList();
            return new SeriesForecast(series.AdvertiserId, series.ScenarioKey, panel.DateOf(asOfDay), window.HorizonDays, perTask,
                Manifest.Calibration.ChurnProbability(predictions, sample), schema.UntrainedTasks);
        }).ToList();
    }

    /// <summary>
    /// SMAPE % of this model's point forecasts per trained task on the given as-of days of a panel: the champion gate
    /// scores a candidate and the champion on the same days.
    /// </summary>
    public IReadOnlyDictionary<ForecastTask, double> Smape(SeriesPanel panel, IReadOnlyList<int> asOfDays)
    {
        var (samples, _, points) = Predict(panel, asOfDays);
        return Manifest.Schema.TrainedTasks.ToDictionary(task => task, task =>
        {
            var (actual, point) = samples.Pairs(points, task);
            return ForecastMetrics.Smape(actual, point);
        });
    }

    /// <summary>Samples of the panel on the given days, the model's predictions and the served point forecasts.</summary>
    private (SampleSet Samples, Predictions Predictions, float[] Points) Predict(SeriesPanel panel, IReadOnlyList<int> asOfDays)
    {
        var samples = SampleBuilder.Build(panel, asOfDays, Manifest.Schema, Manifest.Window);
        Predictions predictions;
        using (NewDisposeScope())
        {
            predictions = RateModelPredictor.Predict(Network, ForecastBatch.From(samples, Manifest.Schema, Manifest.Scaling), Manifest.Scaling);
        }

        return (samples, predictions, Manifest.Calibration.PointRule.Apply(predictions));
    }

    public void Save(Stream destination) => ModelArtifact.Save(destination, Manifest, Network, Json);

    public static ForecastModel Load(Stream source)
    {
        var (manifest, network) = ModelArtifact.Load(source, Json, (ForecastModelManifest manifest) =>
            manifest.FormatVersion == ForecastModelManifest.CurrentFormat
                ? new M2MModel(ModelDimensions.Of(manifest.Schema, manifest.Window), manifest.Config)
                : throw new InvalidDataException($"Model artifact format '{manifest.FormatVersion}' is not '{ForecastModelManifest.CurrentFormat}'."));
        return new ForecastModel(manifest, network);
    }

    public void Dispose() => Network.Dispose();
}
