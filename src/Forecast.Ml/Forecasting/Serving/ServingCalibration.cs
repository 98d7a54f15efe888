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
        var intervals = schema.TrainedTasks.ToDictionary(task => task, task =>
        {
            var (actual, point) = validation.Pairs(points, task);
            return PredictionInterval.Fit(actual, point);
        });

        var (activeDays, rate) = validation.Pairs(predictions.Rates, ForecastTask.ActiveDays);
        var (_, head) = validation.Pairs(predictions.ZeroProbability, ForecastTask.ActiveDays);
        var churned = activeDays.Select(days => days == 0).ToList();
        var fromRate = ZeroCountCalibration.FitToRate(rate, churned);
        var (signal, churn) = ZeroCountCalibration.BrierOf(fromRate, rate, churned) <= ZeroCountCalibration.BrierOf(ZeroCountCalibration.ZeroHead, head, churned)
            ? (ZeroSignal.OwnRate, fromRate)
            : (ZeroSignal.OwnZeroHead, ZeroCountCalibration.ZeroHead);
        return new ServingCalibration(rule, intervals, signal, churn);
    }

    public double ChurnProbability(Predictions predictions, int sample) =>
        new ZeroRule(ChurnSignal, Churn, 0, 1).ZeroProbability(predictions, sample, ForecastTask.ActiveDays);
}
