using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Evaluation;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class ResidualIntervalTests
{
    [Fact]
    public void Active_day_intervals_stay_between_zero_and_the_horizon_and_contain_the_point()
    {
        var interval = new ResidualInterval("active_days", null, LowerResidual: -3, UpperResidual: 2, Residuals: 100);

        var (lower, upper) = interval.Around(6.5, ForecastTask.ActiveDays, horizonDays: 7);

        Assert.Equal(0, lower);
        Assert.Equal(7, upper);
        Assert.InRange(6.5, lower, upper);
        Assert.True(interval.Around(100, ForecastTask.Impressions, 7).Upper > 100);
    }

    [Fact]
    public void Intervals_fitted_on_recent_residuals_cover_about_80_percent_of_new_outcomes()
    {
        var random = new Random(11);
        (List<double> Actual, List<double> Point) Draw(int count)
        {
            var point = Enumerable.Range(0, count).Select(_ => Math.Exp(random.NextDouble() * 8)).ToList();
            var actual = point.Select(value => Math.Max(0, Math.Round(Math.Exp(Math.Log(1 + value) + Gaussian(random) * 0.6) - 1))).ToList();
            return (actual, point);
        }

        var (fitActual, fitPoint) = Draw(2000);
        var interval = ResidualInterval.Fit("clicks", null, fitActual, fitPoint);
        var (actual, point) = Draw(5000);
        var bounds = point.Select(value => interval.Around(value, ForecastTask.Clicks, 7)).ToList();

        var coverage = ForecastMetrics.Coverage(actual, bounds.Select(b => b.Lower).ToList(), bounds.Select(b => b.Upper).ToList());
        Assert.InRange(coverage, 0.77, 0.83);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
