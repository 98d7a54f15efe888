using Forecast.Ml.Ctr.Data;

namespace Forecast.Ml.Tests.Ctr;

public sealed class HistoricalCtrTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> Banner = new Dictionary<string, string> { ["format"] = "banner" };
    private static readonly IReadOnlyDictionary<string, string> Video = new Dictionary<string, string> { ["format"] = "video" };

    /// <summary>One advertiser's deliveries over 40 days, in two scenarios and two contexts; the last row is the one priced.</summary>
    private static List<AdObservation> Deliveries() =>
    [
        new("a", "app", Monday.AddDays(-40), 240, Banner, 1000, 10),   // older than 28 days
        new("a", "app", Monday.AddDays(-10), 240, Banner, 1000, 20),   // within 28 days
        new("a", "app", Monday.AddDays(-3), 240, Video, 500, 25),      // within 7 days, other context
        new("a", "site", Monday.AddHours(-12), 240, Banner, 200, 1),   // within 1 day, other scenario
        new("a", "app", Monday.AddHours(-4), 240, Banner, 100, 5),     // within 1 day
        new("a", "app", Monday, 240, Banner, 300, 30),                 // same bucket as the priced row: never counted
        new("b", "app", Monday.AddDays(-1), 240, Banner, 9999, 999),   // another advertiser
        new("a", "app", Monday, 240, Banner, 50, 1),                   // priced
    ];

    [Fact]
    public void Totals_count_only_earlier_buckets_of_the_advertiser_within_each_window_and_level()
    {
        var totals = RecentClickTotals.Within(Deliveries())[^1];

        // windows: 1, 7, 28, 365 days
        Assert.Equal([100L, 100, 1100, 2100], Window(totals, RecentClickTotals.ContextLevel, impressions: true));
        Assert.Equal([5L, 5, 25, 35], Window(totals, RecentClickTotals.ContextLevel, impressions: false));
        Assert.Equal([100L, 600, 1600, 2600], Window(totals, RecentClickTotals.ScenarioLevel, impressions: true));
        Assert.Equal([300L, 800, 1800, 2800], Window(totals, RecentClickTotals.AdvertiserLevel, impressions: true));
    }

    [Fact]
    public void Serving_sums_from_the_database_give_the_totals_training_saw()
    {
        var rows = Deliveries();
        var priced = rows[^1];
        var earlier = rows.Where(row => row.Advertiser == "a" && row.BucketStart < priced.BucketStart).ToList();
        var windowed = earlier
            .GroupBy(row => (row.Scenario, Context: RecentClickTotals.ContextKey(row.Context)))
            .Select(group => new WindowedDelivery(group.Key.Scenario, group.Key.Context,
                RecentClickTotals.WindowDays.Select(days => group.Where(row => row.BucketStart >= priced.BucketStart.AddDays(-days)).Sum(row => row.Impressions)).ToArray(),
                RecentClickTotals.WindowDays.Select(days => group.Where(row => row.BucketStart >= priced.BucketStart.AddDays(-days)).Sum(row => row.Clicks)).ToArray()));

        var served = RecentClickTotals.Of(priced, windowed);

        var trained = RecentClickTotals.Within(rows)[^1];
        Assert.Equal(trained.Impressions, served.Impressions);
        Assert.Equal(trained.Clicks, served.Clicks);
    }

    [Fact]
    public void Historical_ctrs_follow_the_recent_ctr_and_fall_back_to_older_and_broader_ones()
    {
        var rows = Deliveries();
        var histories = DeliveryHistory.Within(rows, 4);
        var schema = CtrFeatureSchema.Fit(rows, histories, 4);

        var ctrs = schema.HistoricalCtrs(rows[^1], histories[^1]);
        var stranger = schema.HistoricalCtrs(rows[^1] with { Advertiser = "new" }, DeliveryHistory.None);

        Assert.Equal(CtrFeatureSchema.HistoricalLookups, ctrs.Length);
        Assert.InRange(ctrs[0], 0.03, 0.05);            // 5 clicks on 100 impressions last day, shrunk towards 7-day and older
        Assert.True(ctrs[0] > ctrs[3]);                  // the last day's 5% is above the lifetime 1.7%
        Assert.All(stranger, ctr => Assert.Equal(schema.PriorCtr, ctr, 9));
    }

    private static long[] Window(RecentClickTotals totals, int level, bool impressions) =>
        Enumerable.Range(0, RecentClickTotals.WindowDays.Count)
            .Select(window => impressions ? totals.ImpressionsAt(level, window) : totals.ClicksAt(level, window)).ToArray();
}
