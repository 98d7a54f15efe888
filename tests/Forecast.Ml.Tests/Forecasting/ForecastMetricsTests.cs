using Forecast.Ml.Forecasting.Evaluation;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class ForecastMetricsTests
{
    [Fact]
    public void Smape_matches_a_hand_computed_example()
    {
        // |100-110|·2/210 = 0.095238; |0-0| = 0 by convention; |50-0|·2/50 = 2
        Assert.Equal(100 * (0.0952380952 + 0 + 2) / 3, ForecastMetrics.Smape([100, 0, 50], [110, 0, 0]), 6);
    }

    [Fact]
    public void Nmae_matches_a_hand_computed_example()
    {
        // (10 + 0 + 50) / (100 + 0 + 50)
        Assert.Equal(0.4, ForecastMetrics.Nmae([100, 0, 50], [110, 0, 0]), 10);
    }

    [Fact]
    public void Poisson_deviance_is_zero_for_a_perfect_forecast()
    {
        Assert.Equal(0, ForecastMetrics.PoissonDeviance([3, 0, 7], [3, 0.001, 7]), 2);
    }

    [Fact]
    public void Coverage_counts_values_inside_the_interval()
    {
        Assert.Equal(2.0 / 3, ForecastMetrics.Coverage([1, 5, 9], [0, 0, 0], [2, 5, 8]), 10);
    }
}
