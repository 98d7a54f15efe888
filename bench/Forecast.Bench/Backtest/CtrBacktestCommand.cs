using System.Diagnostics;
using System.Globalization;
using Forecast.Ml.Torch;
using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Network;
using Forecast.Ml.Ctr.Training;
using Forecast.Serving.Bids;

namespace Forecast.Bench.Backtest;

/// <summary>
/// The CTR backtest on the shipped real data: every architecture trained on one temporal split (train, validation for
/// early stopping and calibration, the last 15% of days as test), a constant-CTR baseline, and batch-scoring throughput.
/// </summary>
internal static class CtrBacktestCommand
{
    private const int ScoringRows = 200_000;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        TorchRuntime.Configure(Environment.ProcessorCount);
        var demo = await ShippedData.ReadAsync(cancellationToken);
        var observations = AdObservations.From(demo.AdStats);
        var options = new CtrTrainingOptions();
        using var suite = CtrModelSuite.Train(observations, CtrArchitectures.All, new CtrConfig(), options, testFraction: 0.15,
            progress: epoch => Console.WriteLine($"  {epoch.Architecture,-9} epoch {epoch.Epoch,2}: train {epoch.TrainLogLoss:F5} validation {epoch.ValidationLogLoss:F5}"));
        var (train, validation, test) = (suite.Split.Train, suite.Split.Validation, suite.Split.Test);
        Console.WriteLine($"ad stats: {observations.Count} rows; train {train.Length}, validation {validation.Length}, test {test.Length} rows " +
            $"(test from {observations[test[0]].Day:yyyy-MM-dd}); {observations.Sum(o => o.Impressions):N0} impressions");

        var testRows = suite.Test.Rows;
        var trainCtr = train.Sum(row => (double)observations[row].Clicks) / train.Sum(row => (double)observations[row].Impressions);
        var constant = CtrScoring.Of(testRows, testRows.Select(_ => trainCtr).ToList());

        Console.WriteLine();
        Console.WriteLine("| model | epochs | validation AUC | test AUC | test logloss | pred/obs raw | pred/obs calibrated | ECE calibrated | AUC per scenario | rows/s scored |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| constant (train CTR {trainCtr:P2}) | - | 0.5000 | {constant.Auc:F4} | {constant.LogLoss:F5} | {constant.PredictedOverObserved:F3} | - | {constant.Ece:E2} | {PerScenario(constant)} | - |");
        var testHistories = suite.Test.Histories;
        var schema = suite.Best.Model.Manifest.Schema;
        var lookups = testRows.Select((row, index) => schema.HistoricalCtrs(row, testHistories[index])).ToList();
        var validationLookups = suite.Validation.Rows.Select((row, index) => schema.HistoricalCtrs(row, suite.Validation.Histories[index])).ToList();
        var lookupAuc = new double[CtrFeatureSchema.HistoricalLookups];
        for (var lookup = 0; lookup < lookupAuc.Length; lookup++)
        {
            var scores = CtrScoring.Of(testRows, lookups.Select(ctrs => ctrs[lookup]).ToList());
            var validationAuc = CtrScoring.Of(suite.Validation.Rows, validationLookups.Select(ctrs => ctrs[lookup]).ToList()).Auc;
            lookupAuc[lookup] = scores.Auc;
            var name = lookup < RecentClickTotals.WindowDays.Count ? $"{RecentClickTotals.WindowDays[lookup]} d" : "latest deliveries";
            Console.WriteLine($"| lookup: smoothed CTR, {name}{(lookup == schema.BaseWindow ? " (base)" : "")} | - | {validationAuc:F4} | {scores.Auc:F4} | {scores.LogLoss:F5} | {scores.PredictedOverObserved:F3} | - | {scores.Ece:E2} | {PerScenario(scores)} | - |");
        }

        foreach (var trained in suite.Models)
        {
            var (raw, calibrated) = (trained.TestUncalibrated!, trained.Test!);
            Console.WriteLine($"| {trained.Model.Manifest.Architecture.Name()} | {trained.Report.BestEpoch}/{trained.Report.Epochs} | {trained.Validation.Auc:F4} | {calibrated.Auc:F4} | {calibrated.LogLoss:F5} | " +
                $"{raw.PredictedOverObserved:F3} | {calibrated.PredictedOverObserved:F3} | {calibrated.Ece:E2} | {PerScenario(calibrated)} | {ScoringThroughput(trained, testRows, testHistories):N0} |");
        }

        Console.WriteLine();
        Console.WriteLine("per scenario (calibrated):");
        Console.WriteLine("| model | scenario | validation AUC | validation logloss | validation pred/obs | validation ECE | test AUC | test logloss | test pred/obs | test ECE |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var trained in suite.Models)
        {
            foreach (var (scenario, testScores) in trained.Test!.Scenarios)
            {
                var validationScores = trained.Validation.Scenarios[scenario];
                Console.WriteLine($"| {trained.Model.Manifest.Architecture.Name()} | {scenario} | {validationScores.Auc:F4} | {validationScores.LogLoss:F5} | {validationScores.PredictedOverObserved:F3} | {validationScores.Ece:E2} | " +
                    $"{testScores.Auc:F4} | {testScores.LogLoss:F5} | {testScores.PredictedOverObserved:F3} | {testScores.Ece:E2} |");
            }
        }

        foreach (var trained in suite.Models.Where(model => model.Model.Network is MultiEmbeddingNet))
        {
            var gates = MultiEmbeddingGates.PerScenario(trained.Model, testRows, testHistories);
            var widths = string.Join("/", trained.Model.Manifest.Config.MultiEmbeddingWidths);
            Console.WriteLine();
            Console.WriteLine($"multi-embedding gate weights on the test rows (embedding widths {widths}): " +
                string.Join("; ", gates.Select(pair => $"{pair.Key} {string.Join("/", pair.Value.Select(weight => weight.ToString("F2", CultureInfo.InvariantCulture)))}")));
        }

        var lr = suite.Models.Single(model => model.Model.Manifest.Architecture == CtrArchitecture.LogisticRegression).Test!.Auc;
        var bestDeep = suite.Models.Where(model => model.Model.Manifest.Architecture.IsDeep()).MaxBy(model => model.Test!.Auc)!;
        var bestNetwork = suite.Models.Where(model => model.Model.Manifest.Architecture != CtrArchitecture.HistoricalCtr).MaxBy(model => model.Test!.Auc)!;
        Console.WriteLine();
        Console.WriteLine($"best deep model on test AUC: {bestDeep.Model.Manifest.Architecture.Name()} {bestDeep.Test!.Auc:F4} = LR {lr:F4} {bestDeep.Test.Auc - lr:+0.0000;-0.0000}");
        Console.WriteLine($"best network on test AUC: {bestNetwork.Model.Manifest.Architecture.Name()} {bestNetwork.Test!.Auc:F4} = best smoothed historical CTR {lookupAuc.Max():F4} " +
            $"{bestNetwork.Test.Auc - lookupAuc.Max():+0.0000;-0.0000} (target ≥ +0.01)");
        Console.WriteLine($"champion by validation log-loss: {suite.Best.Model.Manifest.Architecture.Name()}");

        return 0;
    }

    private static string PerScenario(CtrScores scores) =>
        string.Join(", ", scores.Scenarios.Select(pair => $"{pair.Key} {pair.Value.Auc:F3}"));

    /// <summary>Rows per second through feature encoding, the network and calibration, scoring the test rows over and over.</summary>
    private static double ScoringThroughput(TrainedCtrModel trained, List<AdObservation> rows, List<DeliveryHistory> histories)
    {
        trained.Model.Predict(rows, histories);
        var clock = Stopwatch.StartNew();
        var scored = 0;
        while (scored < ScoringRows)
        {
            scored += trained.Model.Predict(rows, histories).Length;
        }

        return scored / clock.Elapsed.TotalSeconds;
    }
}
