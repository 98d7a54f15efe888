using System.Diagnostics;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;
using static TorchSharp.torch;

namespace Forecast.Ml.Research.Backtesting;

/// <summary>
/// Trains every model on the same temporal split of a panel and scores them on the held-out test window: M2M, its
/// ablations, the neural and statistical baselines, M2M's intervals and churn probability, cold start per scenario
/// and inference speed. Hyper-parameters come from <see cref="BacktestOptions"/>, chosen on validation, never on test.
/// </summary>
public static class Backtester
{
    public static BacktestReport Run(SeriesPanel panel, BacktestOptions options)
    {
        var clock = Stopwatch.StartNew();
        using var data = PreparedSplit.Create(panel, options.Window);
        options.Log?.Invoke($"samples: train {data.Train.Count}, validation {data.Validation.Count}, test {data.Test.Count}");
        var scores = new List<TaskScore>();
        var costs = new List<TrainingCost>();

        var (config, tuning, m2m) = ChooseM2M(data, options, costs);
        var m2mTest = RateModelPredictor.Predict(m2m, data.TestBatch, data.Scaling);
        var m2mValidation = RateModelPredictor.Predict(m2m, data.ValidationBatch, data.Scaling);
        var m2mRule = PointForecastRule.Fit(data.Validation, m2mValidation, data.Schema);
        scores.AddRange(Score(ModelCatalog.M2M, data.Test, data.Schema, m2mTest.Rates, m2mRule.Apply(m2mTest)));

        var others = ModelCatalog.Baselines().Concat(options.Ablations ? ModelCatalog.Ablations(config) : []);
        foreach (var spec in others)
        {
            using var model = Train(spec, data, options, costs);
            scores.AddRange(ScoreNeural(spec.Name, model, data));
        }

        var naive = NaiveForecasts.ForSamples(data.Test, data.Panel, options.Window.HorizonDays);
        foreach (var forecaster in Enum.GetValues<NaiveForecaster>())
        {
            scores.AddRange(Score(forecaster.Name(), data.Test, data.Schema, naive[forecaster.Key()], naive[forecaster.Key()]));
        }

        var report = new BacktestReport(
            data.Train.Count,
            data.Validation.Count,
            data.Test.Count,
            $"{panel.DateOf(data.Split.Test[0]):yyyy-MM-dd} … {panel.DateOf(data.Split.Test[^1] + options.Window.HorizonDays):yyyy-MM-dd}",
            data.Schema.TrainedTasks,
            data.Schema.UntrainedTasks,
            tuning,
            scores,
            costs,
            Intervals(data, m2mRule, m2mValidation, m2mTest),
            Churn(data, m2mValidation, m2mTest),
            options.ColdStart ? ColdStart(panel, options, config) : [],
            InferenceSpeedOf(m2m is SeedEnsemble ensemble ? ensemble.First : m2m, data),
            0);
        m2m.Dispose();
        return report with { TotalSeconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>Trains every candidate and keeps the one with the lowest mean validation SMAPE of its point forecasts.</summary>
    private static (M2MConfig Config, List<TuningResult> Tuning, RateModel Model) ChooseM2M(
        PreparedSplit data, BacktestOptions options, List<TrainingCost> costs)
    {
        var results = new List<(M2MConfig Config, double Smape, RateModel Model)>();
        foreach (var (candidate, index) in options.M2MCandidates.Select((candidate, index) => (candidate, index)))
        {
            var model = Train(ModelCatalog.FullM2M(candidate) with { Name = $"M2M candidate {index + 1}" }, data, options, costs);
            var validation = RateModelPredictor.Predict(model, data.ValidationBatch, data.Scaling);
            var points = PointForecastRule.Fit(data.Validation, validation, data.Schema).Apply(validation);
            var smape = Score(ModelCatalog.M2M, data.Validation, data.Schema, validation.Rates, points).Average(score => score.Smape);
            options.Log?.Invoke($"  candidate {candidate}: validation SMAPE {smape:F2}");
            results.Add((candidate, smape, model));
        }

        var best = results.MinBy(result => result.Smape);
        foreach (var other in results.Where(result => result.Model != best.Model))
        {
            other.Model.Dispose();
        }

        return (best.Config, results.Select(result => new TuningResult(result.Config, result.Smape, result.Model == best.Model)).ToList(), best.Model);
    }

    /// <summary>Trains <see cref="BacktestOptions.EnsembleSeeds"/> members of a spec from consecutive seeds and averages them.</summary>
    public static RateModel Train(ModelSpec spec, PreparedSplit data, BacktestOptions options, List<TrainingCost> costs)
    {
        var members = new List<RateModel>();
        var reports = new List<TrainingReport>();
        for (var member = 0; member < options.EnsembleSeeds; member++)
        {
            var training = options.Training with { Seed = options.Training.Seed + member };
            manual_seed(training.Seed);
            var model = spec.Create(data.Dimensions);
            reports.Add(RateModelTrainer.Train(model, data.TrainBatch, data.ValidationBatch, training));
            members.Add(model);
        }

        var seconds = reports.Sum(report => report.Seconds);
        costs.Add(new TrainingCost(spec.Name, reports.Sum(report => report.Epochs), (int)reports.Average(report => report.BestEpoch), seconds,
            reports.Sum(report => report.Epochs) * (double)data.Train.Count / seconds));
        options.Log?.Invoke($"{spec.Name}: {string.Join(", ", reports.Select(report => $"{report.Epochs} epochs (best {report.BestEpoch})"))}, {seconds:F1} s");
        return members.Count == 1 ? members[0] : new SeedEnsemble(members);
    }

    /// <summary>A neural model is scored like M2M: its own point-forecast rule, fitted on its validation predictions.</summary>
    public static IEnumerable<TaskScore> ScoreNeural(string name, RateModel model, PreparedSplit data)
    {
        var test = RateModelPredictor.Predict(model, data.TestBatch, data.Scaling);
        var rule = PointForecastRule.Fit(data.Validation, RateModelPredictor.Predict(model, data.ValidationBatch, data.Scaling), data.Schema);
        return Score(name, data.Test, data.Schema, test.Rates, rule.Apply(test));
    }

    /// <summary>SMAPE and NMAE judge point forecasts; the Poisson deviance judges the rates.</summary>
    public static IEnumerable<TaskScore> Score(string model, SampleSet samples, FeatureSchema schema, float[] rates, float[] points)
    {
        foreach (var task in schema.TrainedTasks)
        {
            var (actual, point) = samples.Pairs(points, task);
            var (_, rate) = samples.Pairs(rates, task);
            yield return new TaskScore(model, task, ForecastMetrics.Smape(actual, point), ForecastMetrics.Nmae(actual, point),
                ForecastMetrics.PoissonDeviance(actual, rate));
        }
    }

    /// <summary>Intervals are centred on the served point forecast (which is 0 for likely zeros), fitted on validation.</summary>
    private static List<IntervalCoverage> Intervals(PreparedSplit data, PointForecastRule rule, Predictions validation, Predictions test) =>
        data.Schema.TrainedTasks.Select(task =>
        {
            var (validationActual, validationForecast) = data.Validation.Pairs(rule.Apply(validation), task);
            var (testActual, testForecast) = data.Test.Pairs(rule.Apply(test), task);
            var served = PredictionInterval.Fit(validationActual, validationForecast);
            var poisson = new PredictionInterval(PredictionInterval.Poisson, 0);
            return new IntervalCoverage(
                task,
                PredictionInterval.CoverageOf(poisson, testActual, testForecast),
                PredictionInterval.CoverageOf(served, testActual, testForecast),
                served.Method == PredictionInterval.Poisson ? "poisson" : $"{served.Method} (q = {served.LogHalfWidth:F3})");
        }).ToList();

    /// <summary>Churn candidates scored on test; the served one is the best calibrated (lowest Brier) on validation.</summary>
    private static List<ChurnScore> Churn(PreparedSplit data, Predictions validation, Predictions test)
    {
        var (validationActive, validationRate) = data.Validation.Pairs(validation.Rates, ForecastTask.ActiveDays);
        var (_, validationHead) = data.Validation.Pairs(validation.ZeroProbability, ForecastTask.ActiveDays);
        var (testActive, testRate) = data.Test.Pairs(test.Rates, ForecastTask.ActiveDays);
        var (_, testHead) = data.Test.Pairs(test.ZeroProbability, ForecastTask.ActiveDays);
        var validationChurned = validationActive.Select(days => days == 0).ToList();
        var testChurned = testActive.Select(days => days == 0).ToList();
        var candidates = new (string Name, ZeroCountCalibration Calibration, List<double> Validation, List<double> Test)[]
        {
            ("M2M exp(-λ_active)", ZeroCountCalibration.PoissonZeroOfRate, validationRate, testRate),
            ("M2M Platt(λ_active)", ZeroCountCalibration.FitPlatt(validationRate, validationChurned), validationRate, testRate),
            ("M2M zero head (active days)", ZeroCountCalibration.ZeroHead, validationHead, testHead),
        };
        var served = candidates.MinBy(candidate => ZeroCountCalibration.BrierOf(candidate.Calibration, candidate.Validation, validationChurned)).Name;
        return candidates
            .Select(candidate => new ChurnScore(
                candidate.Name + (candidate.Name == served ? " [served]" : ""),
                ZeroCountCalibration.BrierOf(candidate.Calibration, candidate.Test, testChurned),
                ZeroCountCalibration.BrierOf(candidate.Calibration, candidate.Validation, validationChurned)))
            .Append(new ChurnScore("rule: inactive in the last H days", InactiveRuleBrier(data, data.Test), InactiveRuleBrier(data, data.Validation)))
            .ToList();
    }

    private static double InactiveRuleBrier(PreparedSplit data, SampleSet samples)
    {
        var probability = new List<double>();
        var churned = new List<bool>();
        for (var sample = 0; sample < samples.Count; sample++)
        {
            var active = samples.Target(sample, ForecastTask.ActiveDays);
            if (float.IsNaN(active)) continue;
            var series = data.Panel.Series[samples.SeriesIndex[sample]];
            var asOf = samples.AsOfDay[sample];
            var recent = Enumerable.Range(asOf - data.Window.HorizonDays + 1, data.Window.HorizonDays).Any(day => day >= 0 && series.IsActive(day));
            probability.Add(recent ? 0 : 1);
            churned.Add(active == 0);
        }

        return ForecastMetrics.Brier(probability, churned);
    }

    private static List<ColdStartScore> ColdStart(SeriesPanel panel, BacktestOptions options, M2MConfig config)
    {
        var scores = new List<ColdStartScore>();
        foreach (var scenario in panel.Series.Select(series => series.ScenarioKey).Distinct().Order(StringComparer.Ordinal))
        {
            var heldOut = panel with { Series = panel.Series.Where(series => series.ScenarioKey == scenario).ToList() };
            using var data = PreparedSplit.Create(panel.Without(scenario), options.Window, heldOut);
            foreach (var spec in new[] { ModelCatalog.FullM2M(config), ModelCatalog.SharedBottomMlp() })
            {
                using var model = Train(spec, data, options, []);
                scores.AddRange(ScoreNeural(spec.Name, model, data).Select(score => new ColdStartScore(scenario, spec.Name, score.Task, score.Smape)));
            }
        }

        return scores;
    }

    /// <summary>Speed of one network, as served (the ensemble is a backtest device for stable comparisons).</summary>
    private static InferenceSpeed InferenceSpeedOf(RateModel model, PreparedSplit data)
    {
        var batchClock = Stopwatch.StartNew();
        RateModelPredictor.Predict(model, data.TestBatch, data.Scaling);
        var batchRate = data.Test.Count / batchClock.Elapsed.TotalSeconds;

        var asOf = data.Split.Test[^1];
        var advertiser = data.Panel.Series.GroupBy(series => series.AdvertiserId)
            .OrderByDescending(group => group.Count(series => SampleBuilder.IsAlive(series, asOf, data.Window, data.Panel.Days)))
            .First();
        var single = data.Panel with { Series = advertiser.ToList() };
        var latencies = new List<double>();
        for (var run = 0; run < 220; run++)
        {
            var clock = Stopwatch.StartNew();
            var samples = SampleBuilder.Build(single, [asOf], data.Schema, data.Window);
            using (var scope = NewDisposeScope())
            {
                RateModelPredictor.Predict(model, ForecastBatch.From(samples, data.Schema, data.Scaling), data.Scaling);
            }

            if (run >= 20) latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        return new InferenceSpeed(batchRate, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)], advertiser.Count());
    }
}
