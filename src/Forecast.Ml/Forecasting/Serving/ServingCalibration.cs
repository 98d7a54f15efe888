using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;

namespace Forecast.Ml.Forecasting.Serving;

/// <summary>Everything fitted on validation that turns rates into served numbers: point rule, intervals, churn.</summary>
public sealed record ServingCalibration(
    PointForecastRule PointRule,
    IReadOnlyDictionary<ForecastTask, PredictionInterval> Intervals,
    ZeroSignal ChurnSignal,
    ZeroCountCalibration Churn)
{
    public static ServingCalibration Fit(SampleSet validation, Predictions predictions, FeatureSchema schema)
    {
        var rule = PointForecastRule.Fit(validation, predictions, schema);
        var points = rule.Apply(predictions);
        var tasks = ForecastTasks.All.Count;
        var intervals = schema.TrainedTasks.ToDictionary(task => task, task =>
        {
            var known = validation.KnownSamples(task);
            return PredictionInterval.Fit(
                known.Select(sample => (double)validation.Target(sample, task)).ToList(),
                known.Select(sample => (double)points[(sample * tasks) + (int)task]).ToList());
        });

        var activeKnown = validation.KnownSamples(ForecastTask.ActiveDays);
        var churned = activeKnown.Select(sample => validation.Target(sample, ForecastTask.ActiveDays) == 0).ToList();
        var rate = activeKnown.Select(sample => (double)predictions.Rates[(sample * tasks) + (int)ForecastTask.ActiveDays]).ToList();
        var head = activeKnown.Select(sample => (double)predictions.ZeroProbability[(sample * tasks) + (int)ForecastTask.ActiveDays]).ToList();
        var fromRate = ZeroCountCalibration.FitToRate(rate, churned);
        var (signal, churn) = ZeroCountCalibration.BrierOf(fromRate, rate, churned) <= ZeroCountCalibration.BrierOf(ZeroCountCalibration.ZeroHead, head, churned)
            ? (ZeroSignal.OwnRate, fromRate)
            : (ZeroSignal.OwnZeroHead, ZeroCountCalibration.ZeroHead);
        return new ServingCalibration(rule, intervals, signal, churn);
    }

    public double ChurnProbability(Predictions predictions, int sample) =>
        new ZeroRule(ChurnSignal, Churn, 0, 1).ZeroProbability(predictions, sample, ForecastTask.ActiveDays);
}
