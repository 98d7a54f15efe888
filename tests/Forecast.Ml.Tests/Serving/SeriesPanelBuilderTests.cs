using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Serving.Forecasts;

namespace Forecast.Ml.Tests.Serving;

public sealed class SeriesPanelBuilderTests
{
    private static readonly DateOnly Day0 = new(2026, 3, 1);

    [Fact]
    public void Builds_one_series_per_advertiser_and_scenario_with_days_without_rows_as_zero()
    {
        var panel = Build(
            [Metric("a", "app", 0, 100), Metric("a", "site", 2, 7), Metric("b", "app", 1, 5)],
            []);

        Assert.Equal(["a/app", "a/site", "b/app"], panel.Series.Select(series => $"{series.AdvertiserId}/{series.ScenarioKey}"));
        Assert.Equal([100f, 0f, 0f], panel.Series[0].Impressions);
        Assert.True(panel.Series.All(series => series.Spend.All(float.IsNaN)));
    }

    [Fact]
    public void An_account_event_counts_in_every_scenario_of_its_advertiser_and_a_scenario_event_in_its_own()
    {
        var panel = Build(
            [Metric("a", "app", 0, 100), Metric("a", "site", 0, 7)],
            [
                new BehaviourEventRow("a", "recharge", new DateTimeOffset(Day0.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null, 50),
                new BehaviourEventRow("a", "bid_change", new DateTimeOffset(Day0.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "site", 2),
            ]);

        Assert.Equal(["bid_change:count", "bid_change:sum", "bid_change:max", "recharge:count", "recharge:sum", "recharge:max"], panel.BehaviourFeatures);
        Assert.All(panel.Series, series => Assert.Equal([0f, 0f, 0f, 1f, 50f, 50f], series.Behaviour[1]));
        Assert.Equal([0f, 0f, 0f, 0f, 0f, 0f], panel.Series.Single(series => series.ScenarioKey == "app").Behaviour[2]);
        Assert.Equal([1f, 2f, 2f, 0f, 0f, 0f], panel.Series.Single(series => series.ScenarioKey == "site").Behaviour[2]);
    }

    private static DailyMetricRow Metric(string advertiser, string scenario, int day, long impressions) =>
        new(advertiser, scenario, Day0.AddDays(day), impressions, 0);

    private static Ml.Forecasting.Data.SeriesPanel Build(IReadOnlyList<DailyMetricRow> metrics, IReadOnlyList<BehaviourEventRow> events) =>
        SeriesPanelBuilder.Build(
            new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            metrics,
            events,
            Day0.AddDays(2));
}
