using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Research.Backtesting;

namespace Forecast.Ml.Tests.Research;

/// <summary>
/// The study tools on panels small enough to compute by hand: the baselines' arithmetic, the rolling origin's view of
/// the past (no later day, no series that had not started), and the paired bootstrap's statistic.
/// </summary>
public sealed class BacktestArithmeticTests
{
    /// <summary>Impressions 1, 2, …, 28 on days 0–27 (day d delivers d + 1), clicks a tenth of that.</summary>
    private static PanelSeries Rising(string advertiser, int days, int firstDay = 0)
    {
        var impressions = Enumerable.Range(0, days).Select(day => day < firstDay ? 0f : day + 1f).ToArray();
        return new PanelSeries(
            advertiser, "app", new Dictionary<string, string>(), new Dictionary<string, string>(),
            Enumerable.Repeat(float.NaN, days).ToArray(), impressions, impressions.Select(value => value / 10).ToArray(),
            Enumerable.Repeat(float.NaN, days).ToArray(), Enumerable.Range(0, days).Select(_ => Array.Empty<float>()).ToArray());
    }

    [Fact]
    public void The_baselines_read_the_days_up_to_the_as_of_day_only()
    {
        var series = Rising("a", 28);

        // As of day 20 (value 21), 7 days ahead.
        Assert.Equal(7 * 21, NaiveForecaster.LastDay.Forecast(series, 20, ForecastTask.Impressions, 7));
        Assert.Equal(Enumerable.Range(15, 7).Sum(), NaiveForecaster.SeasonalWeekly.Forecast(series, 20, ForecastTask.Impressions, 7)); // days 14–20
        Assert.Equal(7 * (Enumerable.Range(1, 21).Sum() / 28.0), NaiveForecaster.MovingAverage28.Forecast(series, 20, ForecastTask.Impressions, 7), 6); // days before 0 count as 0
        Assert.Equal(7, NaiveForecaster.LastDay.Forecast(series, 20, ForecastTask.ActiveDays, 7));
        Assert.Equal(0, NaiveForecaster.LastDay.Forecast(series, 20, ForecastTask.Spend, 7)); // not tracked: nothing delivered

        // 14 days ahead, the seasonal naive repeats the last week twice.
        Assert.Equal(2 * Enumerable.Range(15, 7).Sum(), NaiveForecaster.SeasonalWeekly.Forecast(series, 20, ForecastTask.Impressions, 14));
    }

    [Fact]
    public void A_later_day_changes_no_baseline_forecast_made_before_it()
    {
        var series = Rising("a", 28);
        var altered = series with { Impressions = series.Impressions.Select((value, day) => day > 20 ? 1e9f : value).ToArray() };

        foreach (var forecaster in Enum.GetValues<NaiveForecaster>())
        {
            Assert.Equal(forecaster.Forecast(series, 20, ForecastTask.Impressions, 7), forecaster.Forecast(altered, 20, ForecastTask.Impressions, 7));
        }
    }

    [Fact]
    public void A_rolling_origin_sees_no_later_day_and_no_series_that_had_not_started()
    {
        var panel = new SeriesPanel(new DateOnly(2019, 1, 1), 60, [], [Rising("early", 60), Rising("late", 60, firstDay: 45)]);

        var origin = RollingBacktester.TrainingPanel(panel, lastDay: 40);

        Assert.Equal(41, origin.Days);
        Assert.Equal(["early"], origin.Series.Select(series => series.AdvertiserId));
        Assert.Equal(2, RollingBacktester.TrainingPanel(panel, lastDay: 45).Series.Count);
    }

    [Fact]
    public void The_paired_bootstrap_gives_the_hand_computed_relative_error_inside_its_interval()
    {
        // NMAE: a's absolute errors 2 + 0 = 2, b's 5 + 2 = 7: a is 1 − 2/7 better.
        var pairs = new List<(string, double, double, double)> { ("s1", 10, 8, 5), ("s2", 4, 4, 2) };

        var nmae = PairedBootstrap.Compare(pairs, nmae: true, resamples: 500, seed: 7);
        var smape = PairedBootstrap.Compare(pairs, nmae: false, resamples: 500, seed: 7);

        Assert.Equal(1 - (2.0 / 7), nmae.Relative, 12);
        Assert.Equal(2, nmae.Series);
        Assert.InRange(nmae.Relative, nmae.Low, nmae.High);
        // SMAPE terms: a 2·2/18 + 0, b 2·5/15 + 2·2/6.
        Assert.Equal(1 - ((4.0 / 18) / ((10.0 / 15) + (4.0 / 6))), smape.Relative, 12);
        Assert.Equal(nmae, PairedBootstrap.Compare(pairs, nmae: true, resamples: 500, seed: 7));
    }

    [Fact]
    public void Identical_forecasts_differ_by_nothing_with_no_uncertainty()
    {
        var pairs = new List<(string, double, double, double)> { ("s1", 10, 8, 8), ("s2", 4, 1, 1), ("s3", 0, 3, 3) };

        var difference = PairedBootstrap.Compare(pairs, nmae: false, resamples: 200, seed: 1);

        Assert.Equal(new PairedDifference(0, 0, 0, 3), difference);
    }
}
