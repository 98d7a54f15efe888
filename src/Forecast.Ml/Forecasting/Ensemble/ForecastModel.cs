using System.Runtime.ExceptionServices;
using System.Text.Json;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Trees;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>
/// A trained forecast model ready to serve: M2M, the gradient-boosted trees and the statistical baselines behind the
/// baseline guard (<see cref="ServedSelection"/>), with residual intervals and a chosen churn source. Forecasts every
/// series of a panel from an as-of day, and saves to / loads from one artifact (a zip of manifest.json, the TorchSharp
/// weights and the trees' model text) that reproduces its predictions bit for bit.
/// </summary>
public sealed class ForecastModel : IDisposable
{
    /// <summary>
    /// Up to this many samples M2M runs in managed code: 0.18–0.66 of libtorch's time from 1 to 8 rows, level at 16, slower
    /// beyond (bench scoring). An online forecast has an advertiser's 1–3 scenarios; a scoring run, thousands.
    /// </summary>
    private const int ManagedForwardRows = 8;

    private const string TreesPart = "trees.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lazy<ManagedM2M?> _managed;

    public ForecastModel(ForecastModelManifest manifest, M2MModel network, TreeForecaster trees)
    {
        Manifest = manifest;
        Network = network;
        Trees = trees;
        Network.eval();
        // Copied on first use, not per candidate: most trained candidates never serve an online forecast.
        _managed = new Lazy<ManagedM2M?>(network.ToManaged);
    }

    public ForecastModelManifest Manifest { get; }

    public M2MModel Network { get; }

    public TreeForecaster Trees { get; }

    /// <summary>Forecasts the horizon after <paramref name="asOfDay"/> for every series alive then. Synchronous: tensor work stays on one thread.</summary>
    public IReadOnlyList<SeriesForecast> Forecast(SeriesPanel panel, int asOfDay)
    {
        var prediction = Predict(panel, [asOfDay]);
        var (schema, window, samples) = (Manifest.Schema, Manifest.Window, prediction.Samples);
        var tasks = ForecastTasks.All.Count;
        var experts = prediction.Attention is null ? 0 : prediction.Attention.Length / Math.Max(1, samples.Count * tasks);
        return Enumerable.Range(0, samples.Count).Select(sample =>
        {
            var series = panel.Series[samples.SeriesIndex[sample]];
            var perTask = schema.TrainedTasks.Where(task => series.Tracks(task, asOfDay)).Select(task =>
            {
                var index = (sample * tasks) + (int)task;
                var weights = experts == 0 ? [] : prediction.Attention!.AsSpan(index * experts, experts).ToArray();
                return new TaskForecast(task, prediction.Rates[index], prediction.Points[index], prediction.Lower[index], prediction.Upper[index],
                    prediction.Sources[index], weights);
            }).ToList();
            return new SeriesForecast(series.AdvertiserId, series.ScenarioKey, panel.DateOf(asOfDay), window.HorizonDays, perTask,
                prediction.Churn[sample], schema.UntrainedTasks);
        }).ToList();
    }

    /// <summary>
    /// SMAPE % of the served point forecasts per trained task on the given as-of days of a panel: the champion gate
    /// scores a candidate and the champion on the same days.
    /// </summary>
    public IReadOnlyDictionary<ForecastTask, double> Smape(SeriesPanel panel, IReadOnlyList<int> asOfDays)
    {
        var prediction = Predict(panel, asOfDays);
        return Manifest.Schema.TrainedTasks.ToDictionary(task => task, task =>
        {
            var (actual, point) = prediction.Samples.Pairs(prediction.Points, task);
            return ForecastMetrics.Smape(actual, point);
        });
    }

    /// <summary>Every candidate's and the served forecasts of the panel's series alive on the given days.</summary>
    public ServedPrediction Predict(SeriesPanel panel, IReadOnlyList<int> asOfDays)
    {
        var (schema, window) = (Manifest.Schema, Manifest.Window);
        var samples = SampleBuilder.Build(panel, asOfDays, schema, window);
        var (m2m, trees) = PredictCandidates(samples);
        var (points, rates) = ForecastCandidates.Of(samples, panel, window, m2m, Manifest.Calibration.PointRule, trees, Manifest.TreePointRule);
        var tasks = ForecastTasks.All.Count;
        var choices = Manifest.Selection.Choices(samples, panel, points, schema.TrainedTasks);
        var (servedPoints, servedRates) = (ServedSelection.Combine(choices, points), ServedSelection.Combine(choices, rates));
        var (lower, upper, sources) = (new float[servedPoints.Length], new float[servedPoints.Length], new string[servedPoints.Length]);
        var churn = new double[samples.Count];
        for (var sample = 0; sample < samples.Count; sample++)
        {
            var series = panel.Series[samples.SeriesIndex[sample]];
            foreach (var task in schema.TrainedTasks)
            {
                var index = (sample * tasks) + (int)task;
                sources[index] = choices[index]!.Describe();
                (var low, var high) = Manifest.Intervals.For(task, series.ScenarioKey).Around(servedPoints[index], task, window.HorizonDays);
                (lower[index], upper[index]) = ((float)low, (float)high);
            }

            churn[sample] = Manifest.Churn.Probability(
                Manifest.Calibration.ChurnProbability(m2m, sample),
                trees.ZeroProbability[(sample * tasks) + (int)ForecastTask.ActiveDays],
                ChurnChoice.RecentlyActive(series, samples.AsOfDay[sample]));
        }

        return new ServedPrediction(samples, points, servedRates, servedPoints, lower, upper, churn, m2m.Attention, sources);
    }

    /// <summary>
    /// M2M's and the trees' predictions, the trees on a thread of their own beside M2M's single libtorch thread: the
    /// trees' work then hides behind M2M's, in a scoring run and in an online forecast alike (<c>bench scoring</c>, <c>bench
    /// forecasts</c>), and under load the pool runs them on the waiting thread.
    /// </summary>
    private (Predictions M2M, Predictions Trees) PredictCandidates(SampleSet samples)
    {
        Predictions? m2m = null, trees = null;
        try
        {
            Parallel.Invoke(
                () => m2m = PredictM2M(samples),
                () => trees = Trees.Predict(samples, Manifest.Schema));
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count == 1)
        {
            // Callers see the failure itself, as when the two ran one after the other.
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }

        return (m2m!, trees!);
    }

    private Predictions PredictM2M(SampleSet samples)
    {
        var (schema, scaling) = (Manifest.Schema, Manifest.Scaling);
        if (samples.Count <= ManagedForwardRows && _managed.Value is { } managed)
        {
            return managed.Predict(ScaledSamples.Of(samples, schema, scaling), scaling);
        }

        using var scope = NewDisposeScope();
        return RateModelPredictor.Predict(Network, ForecastBatch.From(samples, schema, scaling), scaling);
    }

    public void Save(Stream destination) =>
        ModelArtifact.Save(destination, Manifest, Network, Json, new Dictionary<string, object> { [TreesPart] = Trees.ToText() });

    public static ForecastModel Load(Stream source)
    {
        var (manifest, network) = ModelArtifact.Load(source, Json, (ForecastModelManifest manifest) =>
            manifest.FormatVersion == ForecastModelManifest.CurrentFormat
                ? new M2MModel(ModelDimensions.Of(manifest.Schema, manifest.Window), manifest.Config)
                : throw new InvalidDataException($"Model artifact format '{manifest.FormatVersion}' is not '{ForecastModelManifest.CurrentFormat}'."));
        var trees = TreeForecaster.FromText(ModelArtifact.ReadPart<Dictionary<string, TreeTaskText>>(source, TreesPart, Json));
        return new ForecastModel(manifest, network, trees);
    }

    public void Dispose()
    {
        Network.Dispose();
        Trees.Dispose();
    }
}
