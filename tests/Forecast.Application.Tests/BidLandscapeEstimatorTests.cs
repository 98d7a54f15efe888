using Forecast.Application.Bids;

namespace Forecast.Application.Tests;

public sealed class BidLandscapeEstimatorTests
{
    private static readonly double[] Prices = Enumerable.Range(1, 40).Select(cents => cents / 10.0).ToArray(); // 0.1 … 4.0 CPM

    [Fact]
    public void A_higher_bid_never_wins_less_nor_spends_less()
    {
        var landscape = BidLandscapeEstimator.Estimate(new AuctionMarket("app", Prices, Prices.Length, 28, 1000), 2m, 0.01, out var reason)!;

        Assert.Null(reason);
        var points = landscape.Points;
        Assert.All(points.Zip(points.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Bid > pair.First.Bid);
            Assert.True(pair.Second.WinRate >= pair.First.WinRate);
            Assert.True(pair.Second.SpendPerDay >= pair.First.SpendPerDay);
        });
    }

    [Fact]
    public void The_win_rate_at_the_median_price_is_about_half_and_volumes_follow_it()
    {
        var landscape = BidLandscapeEstimator.Estimate(new AuctionMarket("app", Prices, Prices.Length, 28, 1000), 2.05m, 0.02, out _)!;

        var atMedian = landscape.AtRecommendedBid;
        Assert.Equal(0.5, atMedian.WinRate, 2);
        Assert.Equal(1000 * atMedian.WinRate, atMedian.ImpressionsPerDay!.Value, 2);
        Assert.Equal(atMedian.ImpressionsPerDay.Value * 0.02, atMedian.ClicksPerDay!.Value, 2);
        // Second price: the prices below the bid, about 0.1 … 2.0 (mean 1.05), are paid per thousand impressions.
        Assert.InRange((double)atMedian.SpendPerDay!.Value, 0.45, 0.6);
    }

    [Fact]
    public void Too_few_prices_give_no_landscape_and_say_why()
    {
        var landscape = BidLandscapeEstimator.Estimate(new AuctionMarket("site", [1.0, 2.0], 2, 28, null), 1m, 0.01, out var reason);

        Assert.Null(landscape);
        Assert.Contains("Only 2 auction outcomes", reason);
        Assert.Contains("'site'", reason);
    }

    [Fact]
    public void Without_the_advertisers_auction_volume_only_win_rates_are_given()
    {
        var landscape = BidLandscapeEstimator.Estimate(new AuctionMarket("app", Prices, Prices.Length, 28, null), 1m, 0.01, out _)!;

        Assert.All(landscape.Points, point =>
        {
            Assert.InRange(point.WinRate, 0, 1);
            Assert.Null(point.ImpressionsPerDay);
            Assert.Null(point.SpendPerDay);
        });
    }
}
