using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;
using Forecast.Ml.Forecasting.Trees;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>A candidate's validation scores on one task.</summary>
public sealed record CandidateScore(string Task, string Source, double Smape, double Nmae);

/// <summary>
/// Trains the served forecast model of a tenant's panel: M2M and the trees fit on everything but the last 21 days,
/// early-stop and calibrate on those; on the same days the baseline guard chooses per task and scenario among them and
/// the statistical baselines, the intervals are fitted on the served forecasts' residuals and the churn source is
/// chosen (no test range: the backtest measures the method, the served model uses all the history it can). With a
/// <c>warmStart</c> network (the champion's), M2M starts from its weights where they fit.
/// </summary>
public static class ForecastModelTrainer
{
    /// <summary>
    /// The fewest days of history a model learns from: one training as-of day (its history and horizon) before the
    /// validation days.
    /// </summary>
    public static int MinimumHistoryDays(ForecastWindow window) => window.HistoryDays + window.HorizonDays + TemporalSplit.DefaultValidationDays;

    /// <exception cref="InsufficientHistoryException">The panel spans fewer than <see cref="MinimumHistoryDays"/> days.</exception>
    public static (ForecastModel Model, TrainingReport Report, IReadOnlyList<int> ValidationAsOfDays, IReadOnlyList<CandidateScore> Candidates) Train(
        SeriesPanel panel, ForecastWindow window, M2MConfig config, TrainingOptions options, Action<TrainingProgress>? progress = null, M2MModel? warmStart = null)
    {
        if (panel.Days < MinimumHistoryDays(window))
        {
            throw new InsufficientHistoryException(panel.Days, MinimumHistoryDays(window));
        }

        using var data = PreparedSplit.Create(panel, window, testDays: 0, trainingLimit: options.TrainingLimit, validationLimit: options.ValidationLimit);
        var (validation, schema, tasks) = (data.Validation, data.Schema, ForecastTasks.All.Count);
        var (network, report) = TrainNetwork(data, config, options, progress, warmStart);
        var m2m = RateModelPredictor.Predict(network, data.ValidationBatch, data.Scaling);
        var calibration = ServingCalibration.Fit(validation, m2m, schema);

        var trees = TreeForecaster.Train(data.Train, validation, schema, options.Seed);
        var treePredictions = trees.Predict(validation, schema);
        var treeRule = PointForecastRule.Fit(validation, treePredictions, schema);

        var (points, _) = ForecastCandidates.Of(validation, panel, window, m2m, calibration.PointRule, treePredictions, treeRule);
        var selection = ServedSelection.Fit(validation, panel, points, schema.TrainedTasks);
        var served = ServedSelection.Combine(selection.Choices(validation, panel, points, schema.TrainedTasks), points);
        var intervals = ResidualIntervals.Fit(validation, panel, served, schema.TrainedTasks);

        var known = validation.KnownSamples(ForecastTask.ActiveDays);
        var churn = ChurnChoice.Fit(
            known.Select(sample => calibration.ChurnProbability(m2m, sample)).ToArray(),
            known.Select(sample => (double)treePredictions.ZeroProbability[(sample * tasks) + (int)ForecastTask.ActiveDays]).ToArray(),
            known.Select(sample => ChurnChoice.RecentlyActive(panel.Series[validation.SeriesIndex[sample]], validation.AsOfDay[sample])).ToArray(),
            known.Select(sample => validation.Target(sample, ForecastTask.ActiveDays) == 0).ToArray());

        var manifest = new ForecastModelManifest(
            ForecastModelManifest.CurrentFormat,
            ForecastModelManifest.ModelKind,
            panel.DateOf(panel.Days - 1),
            window,
            config,
            schema,
            data.Scaling,
            calibration,
            treeRule,
            selection,
            intervals,
            churn);
        points[ServedSelection.Served] = served;
        return (new ForecastModel(manifest, network, trees), report, data.Split.Validation, Scores(validation, points, schema));
    }

    /// <summary>M2M from the warm start where given; a warm start that diverges is dropped and the network trained cold.</summary>
    private static (M2MModel Network, TrainingReport Report) TrainNetwork(
        PreparedSplit data, M2MConfig config, TrainingOptions options, Action<TrainingProgress>? progress, M2MModel? warmStart)
    {
        manual_seed(options.Seed);
        var network = new M2MModel(data.Dimensions, config);
        var warmed = warmStart is null ? 0 : WarmStart.Copy(network, warmStart);
        var report = RateModelTrainer.Train(network, data.TrainBatch, data.ValidationBatch, options, progress) with { WarmStartedParameters = warmed };
        if (warmed == 0 || !report.Diverged)
        {
            return (network, report);
        }

        network.Dispose();
        var (cold, coldReport) = TrainNetwork(data, config, options, progress, warmStart: null);
        return (cold, coldReport with { WarmStartAbandoned = true });
    }

    private static List<CandidateScore> Scores(SampleSet validation, IReadOnlyDictionary<string, float[]> points, FeatureSchema schema) =>
        schema.TrainedTasks.SelectMany(task => points.Select(pair =>
        {
            var (actual, forecast) = validation.Pairs(pair.Value, task);
            return new CandidateScore(task.Name(), pair.Key, ForecastMetrics.Smape(actual, forecast), ForecastMetrics.Nmae(actual, forecast));
        })).ToList();
}
