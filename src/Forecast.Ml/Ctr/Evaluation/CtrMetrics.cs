namespace Forecast.Ml.Ctr.Evaluation;

/// <summary>
/// CTR metrics on binomial rows (impressions as trials, clicks as successes), each row weighing as its impressions:
/// the same numbers an impression-level log of the same delivery would give.
/// </summary>
public static class CtrMetrics
{
    public const int CalibrationBins = 10;

    /// <summary>
    /// Probability that a random click scored higher than a random non-click (ties count half): for each run of equal
    /// scores, its clicks beat every non-click below the run and tie with the run's own non-clicks.
    /// </summary>
    public static double Auc(IReadOnlyList<double> predicted, IReadOnlyList<double> impressions, IReadOnlyList<double> clicks)
    {
        var order = Enumerable.Range(0, predicted.Count).OrderBy(row => predicted[row]).ToArray();
        double nonClicksBelow = 0, concordant = 0, totalClicks = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            double runClicks = 0, runNonClicks = 0;
            while (end < order.Length && predicted[order[end]] == predicted[order[start]])
            {
                runClicks += clicks[order[end]];
                runNonClicks += impressions[order[end]] - clicks[order[end]];
                end++;
            }

            concordant += runClicks * (nonClicksBelow + (0.5 * runNonClicks));
            nonClicksBelow += runNonClicks;
            totalClicks += runClicks;
            start = end;
        }

        return totalClicks == 0 || nonClicksBelow == 0 ? double.NaN : concordant / (totalClicks * nonClicksBelow);
    }

    /// <summary>Mean negative log-likelihood per impression.</summary>
    public static double LogLoss(IReadOnlyList<double> predicted, IReadOnlyList<double> impressions, IReadOnlyList<double> clicks)
    {
        double loss = 0, total = 0;
        for (var row = 0; row < predicted.Count; row++)
        {
            var p = Math.Clamp(predicted[row], 1e-7, 1 - 1e-7);
            loss -= (clicks[row] * Math.Log(p)) + ((impressions[row] - clicks[row]) * Math.Log(1 - p));
            total += impressions[row];
        }

        return loss / total;
    }

    /// <summary>Expected clicks over observed clicks: 1 is calibrated, above 1 over-predicts.</summary>
    public static double PredictedOverObserved(IReadOnlyList<double> predicted, IReadOnlyList<double> impressions, IReadOnlyList<double> clicks)
    {
        var expected = predicted.Select((p, row) => p * impressions[row]).Sum();
        return expected / clicks.Sum();
    }

    /// <summary>
    /// Expected calibration error over 10 bins of equal impressions (sorted by prediction): Σ_b w_b |mean p_b − CTR_b|.
    /// Equal-width bins on [0, 1] would put nearly every ad CTR in the first bin and measure nothing.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double> predicted, IReadOnlyList<double> impressions, IReadOnlyList<double> clicks)
    {
        var order = Enumerable.Range(0, predicted.Count).OrderBy(row => predicted[row]).ToArray();
        var total = impressions.Sum();
        double error = 0, binImpressions = 0, binExpected = 0, binClicks = 0, cumulative = 0;
        var bin = 1;
        foreach (var row in order)
        {
            binImpressions += impressions[row];
            binExpected += predicted[row] * impressions[row];
            binClicks += clicks[row];
            cumulative += impressions[row];
            if (cumulative >= total * bin / CalibrationBins || row == order[^1])
            {
                error += binImpressions == 0 ? 0 : Math.Abs(binExpected - binClicks) / total;
                (binImpressions, binExpected, binClicks) = (0, 0, 0);
                bin++;
            }
        }

        return error;
    }
}
