namespace Forecast.Application.Bids;

/// <summary>
/// What a tenant's auction outcomes say about one scenario's market over the recent window: the distribution of the
/// market prices seen (CPM, ascending; the prices themselves or equal-mass quantiles of them), how many prices it
/// summarises, and how many auctions per day the advertiser took part in (null when it took part in none).
/// </summary>
public sealed record AuctionMarket(string Scenario, double[] MarketPrices, int PriceCount, int WindowDays, double? AdvertiserAuctionsPerDay);
