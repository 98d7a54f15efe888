namespace Forecast.Application.Ingestion.AuctionOutcomes;

/// <summary>One auction the tenant bid in; the key is auctionId.</summary>
/// <param name="AuctionId">The exchange's auction (bid request) id. <example>a-20190115-000123</example></param>
/// <param name="Scenario">Scenario key. <example>app</example></param>
/// <param name="OccurredAt">When the auction ran (ISO 8601 with offset). <example>2019-01-15T16:02:11Z</example></param>
/// <param name="Bid">The bid, in the tenant's currency per thousand impressions (CPM). <example>2.40</example></param>
/// <param name="Won">Whether the bid won. <example>true</example></param>
/// <param name="MarketPrice">The winning (market) price when known: the price paid when won, the winner's price when reported. <example>1.95</example></param>
/// <param name="AdvertiserId">The advertiser that bid, when known. <example>934</example></param>
public sealed record AuctionOutcomeRow(
    string AuctionId,
    string Scenario,
    DateTimeOffset OccurredAt,
    decimal Bid,
    bool Won,
    decimal? MarketPrice = null,
    string? AdvertiserId = null);
