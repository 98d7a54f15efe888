using Forecast.Application.Accuracy;
using Forecast.Application.Forecasts;

namespace Forecast.Application.Tests;

public sealed class RealizedAccuracyTests
{
    private static TaskForecastDto Forecast(double point, double lower, double upper) => new(point, point, lower, upper, "m2m", []);

    [Fact]
    public void Sums_match_the_metrics_computed_by_hand()
    {
        ForecastOutcome[] outcomes =
        [
            // forecast 10 in [5, 15], actual 20, naive 7 → SMAPE 2·10/30, naive 2·13/27; churn p 0.1, active: not churned.
            new("app", 7, 0.1, new Dictionary<string, TaskForecastDto> { ["clicks"] = Forecast(10, 5, 15) },
                new ChannelTotals(1000, 20, null, 7), new ChannelTotals(400, 7, null, 5)),
            // forecast 4 in [0, 9], actual 0 (stopped), naive 0 → SMAPE 2, naive 0; churn p 0.7, churned, naive says churned.
            new("app", 7, 0.7, new Dictionary<string, TaskForecastDto> { ["clicks"] = Forecast(4, 0, 9) },
                new ChannelTotals(0, 0, null, 0), new ChannelTotals(0, 0, null, 0)),
        ];

        var sums = RealizedAccuracyCalculator.Sum(outcomes);

        var clicks = sums[("app", "clicks")];
        Assert.Equal(2, clicks.Pairs);
        Assert.Equal(100 * ((20.0 / 30) + 2) / 2, AccuracyRatios.Smape(clicks)!.Value, 12);
        Assert.Equal((10.0 + 4) / 20, AccuracyRatios.Nmae(clicks)!.Value, 12);
        Assert.Equal(0.5, AccuracyRatios.Coverage(clicks)); // 20 is outside [5, 15], 0 is inside [0, 9]
        Assert.Equal(100 * (26.0 / 27) / 2, AccuracyRatios.NaiveSmape(clicks)!.Value, 12);
        Assert.Equal(13.0 / 20, AccuracyRatios.NaiveNmae(clicks)!.Value, 12);
        var churn = sums[("app", "churn")];
        Assert.Equal(((0.1 * 0.1) + (0.3 * 0.3)) / 2, AccuracyRatios.Brier(churn)!.Value, 12);
        Assert.Equal(0, AccuracyRatios.NaiveBrier(churn));
    }

    [Fact]
    public void Sums_over_days_give_the_ratio_of_the_pooled_pairs_not_the_mean_of_daily_ratios()
    {
        var first = AccuracySums.OfCount(10, 0, 20, 10, 10); // perfect, actual 10
        var second = AccuracySums.OfCount(0, 0, 0, 1000, 0); // missed a large actual

        var pooled = first + second;

        Assert.Equal(1000.0 / 1010, AccuracyRatios.Nmae(pooled)!.Value, 12);
        Assert.Equal(100.0, AccuracyRatios.Smape(pooled)!.Value, 12);
    }

    [Fact]
    public void The_horizon_scales_the_weekly_naive()
    {
        var outcome = new ForecastOutcome("web", 14, 0, new Dictionary<string, TaskForecastDto> { ["impressions"] = Forecast(200, 100, 300) },
            new ChannelTotals(200, 0, null, 14), new ChannelTotals(100, 0, null, 7));

        var impressions = RealizedAccuracyCalculator.Sum([outcome])[("web", "impressions")];

        Assert.Equal(0, impressions.NaiveAbsoluteErrorSum); // last week's 100 over a 14-day horizon is 200
    }

    [Fact]
    public void Drift_is_live_smape_past_validation_by_the_allowed_share_with_enough_pairs()
    {
        var options = new DriftOptions { MinPairs = 2, SmapeDegradation = 0.25, NaiveAheadDays = 0 };
        var validation = new Dictionary<string, double> { ["clicks"] = 40 };
        var day = new DateOnly(2026, 3, 1);
        AccuracyRow Row(double forecast, double actual) => new(Guid.Empty, 1, day, DateTimeOffset.UnixEpoch, "app", "clicks", AccuracySums.OfCount(forecast, 0, 0, actual, actual));

        Assert.Null(DriftRule.Check(options, validation, [Row(10, 12), Row(10, 8)])); // SMAPE 18.2 + 22.2 → 20.2%
        Assert.Null(DriftRule.Check(options, validation, [Row(10, 30)])); // 100%, but one pair only
        var reason = DriftRule.Check(options, validation, [Row(10, 30), Row(10, 25)]);
        Assert.NotNull(reason);
        Assert.Contains("clicks SMAPE", reason, StringComparison.Ordinal);
        Assert.Contains("40.0% on validation", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_is_the_naive_ahead_on_each_of_the_last_days()
    {
        var options = new DriftOptions { MinPairs = 3, SmapeDegradation = 10, NaiveAheadDays = 3 };
        AccuracyRow Row(int day, double naive) =>
            new(Guid.Empty, 1, new DateOnly(2026, 3, day), DateTimeOffset.UnixEpoch, "app", "impressions", AccuracySums.OfCount(100, 0, 0, 120, naive));

        // The naive (115) beats the forecast (100) on each of the last three days, not on the fourth before them.
        Assert.NotNull(DriftRule.Check(options, new Dictionary<string, double>(), [Row(1, 200), Row(2, 115), Row(3, 115), Row(4, 115)]));
        Assert.Null(DriftRule.Check(options, new Dictionary<string, double>(), [Row(2, 115), Row(3, 200), Row(4, 115)]));
        Assert.Null(DriftRule.Check(options, new Dictionary<string, double>(), [Row(3, 115), Row(4, 115)]));
    }

    [Fact]
    public void What_was_served_on_a_day_is_the_forecast_of_the_model_that_scored_it_last()
    {
        var (morning, retrained) = (Guid.NewGuid(), Guid.NewGuid());
        var day = new DateOnly(2026, 3, 1);
        AccuracyRow Row(Guid model, DateOnly asOf, int hour) =>
            new(model, 1, asOf, new DateTimeOffset(2026, 3, 2, hour, 0, 0, TimeSpan.Zero), "app", "clicks", AccuracySums.OfCount(1, 0, 2, 1, 1));

        var served = AccuracyRow.Served([Row(morning, day, 6), Row(retrained, day, 9), Row(morning, day.AddDays(1), 6)]);

        Assert.Equal([(retrained, day), (morning, day.AddDays(1))], served.Select(row => (row.ModelId, row.AsOf)));
    }
}
