namespace Forecast.Application.Bids;

/// <summary>
/// The bid landscape from the empirical market-price distribution of a scenario. Win rate at bid b: the share of
/// market prices below b, smoothed with a logistic kernel, W(b) = (1/n) Σ σ((b − pᵢ)/s), whose scale s matches
/// Silverman's bandwidth 0.9·min(σ, IQR/1.34)·n^(−1/5): monotone in b, continuous, and never claiming certainty between
/// observed prices. Spend assumes second-price auctions (the winner pays the market price):
/// spend/day = auctions/day · (1/n) Σ pᵢ σ((b − pᵢ)/s) / 1000. Auctions lost without a reported price only say the
/// price was above the bid and are left out, so when exchanges report prices mostly for won auctions the win rate
/// leans high; the response says how many prices it rests on.
/// </summary>
public static class BidLandscapeEstimator
{
    public const int MinimumPrices = 30;
    public const int GridPoints = 12;

    public static BidLandscapeDto? Estimate(AuctionMarket market, decimal recommendedBid, double clickThroughRate, out string? unavailableReason)
    {
        var prices = market.MarketPrices;
        if (market.PriceCount < MinimumPrices || prices.Length == 0)
        {
            unavailableReason = market.PriceCount == 0
                ? $"No auction outcomes with a market price in scenario '{market.Scenario}' in the last {market.WindowDays} days: "
                  + "send them with POST /v1/ingest/auction-outcomes to get a landscape."
                : $"Only {market.PriceCount} auction outcomes with a market price in scenario '{market.Scenario}' in the last {market.WindowDays} days; "
                  + $"the landscape needs at least {MinimumPrices}.";
            return null;
        }

        unavailableReason = null;
        var scale = KernelScale(prices, market.PriceCount);
        var top = Math.Max(Quantile(prices, 0.99) * 1.25, (double)recommendedBid * 1.25);
        var grid = Enumerable.Range(1, GridPoints).Select(step => Math.Round(top * step / GridPoints, 4)).ToList();
        return new BidLandscapeDto(
            market.PriceCount,
            market.WindowDays,
            market.AdvertiserAuctionsPerDay,
            "logistic-kernel empirical CDF of market prices (Silverman bandwidth); second-price spend",
            Point((double)recommendedBid),
            grid.Select(Point).ToList());

        BidLandscapePointDto Point(double bid)
        {
            double wins = 0, paid = 0;
            foreach (var price in prices)
            {
                var win = 1 / (1 + Math.Exp(-(bid - price) / scale));
                wins += win;
                paid += win * price;
            }

            var winRate = wins / prices.Length;
            var perDay = market.AdvertiserAuctionsPerDay;
            var impressions = perDay * winRate;
            return new BidLandscapePointDto(
                (decimal)bid,
                Math.Round(winRate, 6),
                impressions is { } shown ? Math.Round(shown, 3) : null,
                impressions is { } clicked ? Math.Round(clicked * clickThroughRate, 4) : null,
                perDay is { } auctions ? Math.Round((decimal)(auctions * paid / prices.Length / 1000), 4) : null);
        }
    }

    /// <summary>Logistic scale with the variance of a Gaussian of Silverman's bandwidth (s = h·√3/π); never zero.</summary>
    private static double KernelScale(double[] sorted, int count)
    {
        var mean = sorted.Average();
        var deviation = Math.Sqrt(sorted.Average(price => (price - mean) * (price - mean)));
        var spread = Math.Min(deviation, (Quantile(sorted, 0.75) - Quantile(sorted, 0.25)) / 1.34);
        var bandwidth = 0.9 * (spread > 0 ? spread : deviation) * Math.Pow(count, -0.2);
        return Math.Max(bandwidth * Math.Sqrt(3) / Math.PI, Math.Max(1e-6, Math.Abs(mean) * 1e-3));
    }

    private static double Quantile(double[] sorted, double level)
    {
        var position = level * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
