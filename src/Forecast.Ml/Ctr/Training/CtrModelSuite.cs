using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Inference;
using Forecast.Ml.Ctr.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Training;

/// <summary>
/// Trains every CTR architecture on the same temporal split and feature schema: each is seeded the same, early-stopped
/// on validation log-loss, then Platt-calibrated on validation when that lowers the validation log-loss. Without a
/// test range (production) the validation days are the most recent ones; the backtest keeps later days for test.
/// </summary>
public static class CtrModelSuite
{
    /// <summary>Rows of one range of the split with their delivery histories, as the models were scored on them.</summary>
    public sealed record ScoredRows(List<AdObservation> Rows, List<DeliveryHistory> Histories);

    /// <summary>The trained models (disposed with the result) and the held-out rows they were scored on.</summary>
    public sealed record Result(CtrDataSplit Split, IReadOnlyList<TrainedCtrModel> Models, ScoredRows Validation, ScoredRows Test) : IDisposable
    {
        /// <summary>The model with the lowest validation log-loss: the suite's candidate for champion.</summary>
        public TrainedCtrModel Best => Models.MinBy(model => model.Validation.LogLoss)!;

        public void Dispose()
        {
            foreach (var trained in Models)
            {
                trained.Model.Dispose();
            }
        }
    }

    public static Result Train(
        IReadOnlyList<AdObservation> observations,
        IReadOnlyList<CtrArchitecture> architectures,
        CtrConfig config,
        CtrTrainingOptions options,
        double testFraction = 0,
        Action<CtrTrainingProgress>? progress = null)
    {
        var histories = DeliveryHistory.Within(observations, options.SequenceLength);
        var split = CtrDataSplit.ByDays(observations, options.ValidationFraction, testFraction);
        var (train, trainHistories) = Rows(observations, histories, split.Train);
        var (validation, validationHistories) = Rows(observations, histories, split.Validation);
        var (test, testHistories) = Rows(observations, histories, split.Test);
        var schema = CtrFeatureSchema.Fit(train, trainHistories, options.SequenceLength);
        schema = schema with { BaseWindow = BestHistoricalWindow(schema, validation, validationHistories) };
        var trainedThrough = observations.Max(observation => observation.Day);

        var models = new List<TrainedCtrModel>();
        using var trainBatch = schema.Encode(train, trainHistories).ToBatch();
        using var validationBatch = schema.Encode(validation, validationHistories).ToBatch();
        foreach (var architecture in architectures)
        {
            manual_seed(options.Seed);
            var network = CtrNetwork.Create(architecture, schema.Dimensions, config);
            var report = CtrTrainer.Train(network, trainBatch, validationBatch, options, (epoch, trainLoss, validationLoss) =>
                progress?.Invoke(new CtrTrainingProgress(architecture.Name(), epoch, options.MaxEpochs, trainLoss, validationLoss)));

            var raw = CtrTrainer.Predict(network, validationBatch);
            var calibration = ScenarioCalibration.Fit(validation, raw);
            var model = new CtrModel(new CtrModelManifest(CtrModelManifest.CurrentFormat, architecture, trainedThrough, config, schema, calibration), network);
            models.Add(new TrainedCtrModel(
                model,
                report,
                CtrScoring.Of(validation, calibration.Apply(validation, raw)),
                test.Count == 0 ? null : CtrScoring.Of(test, model.PredictUncalibrated(test, testHistories)),
                test.Count == 0 ? null : model.Score(test, testHistories)));
        }

        return new Result(split, models, new ScoredRows(validation, validationHistories), new ScoredRows(test, testHistories));
    }

    /// <summary>The historical-CTR lookup that prices the validation rows best: the base every network corrects.</summary>
    private static int BestHistoricalWindow(CtrFeatureSchema schema, List<AdObservation> validation, List<DeliveryHistory> histories)
    {
        var ctrs = validation.Select((row, index) => schema.HistoricalCtrs(row, histories[index])).ToList();
        return Enumerable.Range(0, CtrFeatureSchema.HistoricalLookups)
            .MinBy(window => CtrMetrics.LogLoss(ctrs.Select(ctr => ctr[window]).ToList(), Impressions(validation), Clicks(validation)));
    }

    private static (List<AdObservation> Rows, List<DeliveryHistory> Histories) Rows(
        IReadOnlyList<AdObservation> observations, DeliveryHistory[] histories, int[] rows) =>
        (rows.Select(row => observations[row]).ToList(), rows.Select(row => histories[row]).ToList());

    private static List<double> Impressions(List<AdObservation> rows) => rows.Select(row => (double)row.Impressions).ToList();

    private static List<double> Clicks(List<AdObservation> rows) => rows.Select(row => (double)row.Clicks).ToList();
}
