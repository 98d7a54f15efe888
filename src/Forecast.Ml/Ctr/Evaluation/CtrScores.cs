namespace Forecast.Ml.Ctr.Evaluation;

/// <summary>A model's scores on a set of rows: overall and per scenario.</summary>
/// <param name="Auc">Impression-weighted AUC.</param>
/// <param name="LogLoss">Mean log-loss per impression.</param>
/// <param name="PredictedOverObserved">Expected / observed clicks.</param>
/// <param name="Ece">Expected calibration error, 10 equal-impression bins.</param>
/// <param name="Scenarios">The same per scenario.</param>
public sealed record CtrScores(double Auc, double LogLoss, double PredictedOverObserved, double Ece, IReadOnlyDictionary<string, ScenarioCtrScores> Scenarios)
{
    public static CtrScores Of(IReadOnlyList<double> predicted, IReadOnlyList<double> impressions, IReadOnlyList<double> clicks, IReadOnlyList<string> scenarios)
    {
        var perScenario = Enumerable.Range(0, predicted.Count).GroupBy(row => scenarios[row]).OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group =>
            {
                var rows = group.ToList();
                var (p, n, k) = (rows.Select(row => predicted[row]).ToList(), rows.Select(row => impressions[row]).ToList(), rows.Select(row => clicks[row]).ToList());
                return new ScenarioCtrScores(
                    CtrMetrics.Auc(p, n, k), CtrMetrics.LogLoss(p, n, k), CtrMetrics.PredictedOverObserved(p, n, k), CtrMetrics.ExpectedCalibrationError(p, n, k));
            });
        return new CtrScores(
            CtrMetrics.Auc(predicted, impressions, clicks),
            CtrMetrics.LogLoss(predicted, impressions, clicks),
            CtrMetrics.PredictedOverObserved(predicted, impressions, clicks),
            CtrMetrics.ExpectedCalibrationError(predicted, impressions, clicks),
            perScenario);
    }
}

/// <summary>Scores in one scenario.</summary>
public sealed record ScenarioCtrScores(double Auc, double LogLoss, double PredictedOverObserved, double Ece);
