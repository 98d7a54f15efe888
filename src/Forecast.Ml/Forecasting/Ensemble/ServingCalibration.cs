using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Inference;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>What turns M2M's rates into its point forecasts and churn probability, fitted on validation.</summary>
public sealed record ServingCalibration(
    PointForecastRule PointRule,
    ZeroSignal ChurnSignal,
    ZeroCountCalibration Churn)
{
    public static ServingCalibration Fit(SampleSet validation, Predictions predictions, FeatureSchema schema)
    {
        var rule = PointForecastRule.Fit(validation, predictions, schema);

        var (activeDays, rate) = validation.Pairs(predictions.Rates, ForecastTask.ActiveDays);
        var (_, head) = validation.Pairs(predictions.ZeroProbability, ForecastTask.ActiveDays);
        var churned = activeDays.Select(days => days == 0).ToList();
        var fromRate = ZeroCountCalibration.FitToRate(rate, churned);
        var (signal, churn) = ZeroCountCalibration.BrierOf(fromRate, rate, churned) <= ZeroCountCalibration.BrierOf(ZeroCountCalibration.ZeroHead, head, churned)
            ? (ZeroSignal.OwnRate, fromRate)
            : (ZeroSignal.OwnZeroHead, ZeroCountCalibration.ZeroHead);
        return new ServingCalibration(rule, signal, churn);
    }

    public double ChurnProbability(Predictions predictions, int sample) =>
        new ZeroRule(ChurnSignal, Churn, 0, 1).ZeroProbability(predictions, sample, ForecastTask.ActiveDays);
}
