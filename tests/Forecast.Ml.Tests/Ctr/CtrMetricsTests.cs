using Forecast.Ml.Ctr.Evaluation;

namespace Forecast.Ml.Tests.Ctr;

public sealed class CtrMetricsTests
{
    [Fact]
    public void Auc_of_a_hand_made_example_counts_concordant_pairs_and_half_ties()
    {
        // Rows (score, impressions, clicks): positives at 0.9, 0.4, 0.4; negatives at 0.8, 0.4, 0.1.
        double[] scores = [0.9, 0.8, 0.4, 0.1];
        double[] impressions = [1, 1, 3, 1];
        double[] clicks = [1, 0, 2, 0];

        // Pairs: 0.9 beats all 3 negatives (3); each 0.4 click beats 0.1 (1) and ties 0.4 (½): 2 × 1.5 = 3. 6 / 9.
        Assert.Equal(6.0 / 9.0, CtrMetrics.Auc(scores, impressions, clicks), 10);
    }

    [Fact]
    public void Auc_is_one_when_every_click_outscores_every_non_click_and_half_for_a_constant()
    {
        Assert.Equal(1.0, CtrMetrics.Auc([0.9, 0.1], [10, 10], [10, 0]), 10);
        Assert.Equal(0.5, CtrMetrics.Auc([0.3, 0.3], [10, 10], [4, 1]), 10);
    }

    [Fact]
    public void A_perfectly_calibrated_prediction_has_ratio_one_and_no_calibration_error()
    {
        double[] impressions = [1000, 2000, 500];
        double[] clicks = [10, 60, 50];
        double[] predicted = [0.01, 0.03, 0.10];

        Assert.Equal(1.0, CtrMetrics.PredictedOverObserved(predicted, impressions, clicks), 10);
        Assert.Equal(0.0, CtrMetrics.ExpectedCalibrationError(predicted, impressions, clicks), 10);
    }

    [Fact]
    public void Platt_scaling_repairs_a_prediction_that_is_twice_too_high()
    {
        double[] impressions = [1000, 1000, 1000, 1000];
        double[] clicks = [5, 10, 20, 40];
        double[] predicted = [0.01, 0.02, 0.04, 0.08];

        var platt = PlattCalibration.Fit(predicted, impressions, clicks);
        var calibrated = predicted.Select(platt.Apply).ToArray();

        Assert.Equal(1.0, CtrMetrics.PredictedOverObserved(calibrated, impressions, clicks), 2);
        Assert.True(CtrMetrics.LogLoss(calibrated, impressions, clicks) < CtrMetrics.LogLoss(predicted, impressions, clicks));
    }
}
