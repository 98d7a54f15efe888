namespace Forecast.Application.Bids;

/// <summary>A priced ad opportunity.</summary>
/// <param name="AdvertiserId">The advertiser.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="At">The moment priced (weekday and slot of the features).</param>
/// <param name="ClickThroughRate">pCTR: calibrated probability that an impression is clicked.</param>
/// <param name="ConversionRate">pCVR: probability that a click converts, priced for cpa goals from the tracked conversions; else null.</param>
/// <param name="Goal">The goal priced.</param>
/// <param name="RecommendedBid">The CPM bid that pays the goal's target on expectation.</param>
/// <param name="Formula">How the recommended bid follows from the goal.</param>
/// <param name="ExpectedCostPerClick">What a click costs on expectation at the recommended bid, paying the bid (first price).</param>
/// <param name="Landscape">Expected win rate, impressions, clicks and spend for a grid of bids; null when unavailable.</param>
/// <param name="LandscapeUnavailableReason">Why there is no landscape, when there is none.</param>
/// <param name="Model">The CTR champion that priced it.</param>
public sealed record BidEstimateDto(
    string AdvertiserId,
    string Scenario,
    DateTimeOffset At,
    double ClickThroughRate,
    double? ConversionRate,
    BidGoal Goal,
    decimal RecommendedBid,
    string Formula,
    decimal? ExpectedCostPerClick,
    BidLandscapeDto? Landscape,
    string? LandscapeUnavailableReason,
    CtrModelRef Model);

/// <summary>The CTR model behind an estimate.</summary>
/// <param name="Id">Registry id.</param>
/// <param name="Version">Version of the ctr kind.</param>
/// <param name="Architecture">lr, mlr, wide-deep, deepfm, din or pepnet.</param>
public sealed record CtrModelRef(Guid Id, int Version, string Architecture);

/// <summary>The bid landscape of one scenario for one advertiser.</summary>
/// <param name="MarketPrices">How many market prices it rests on.</param>
/// <param name="WindowDays">The window of auction outcomes read.</param>
/// <param name="AuctionsPerDay">The advertiser's auctions per day in the scenario (null: it bid in none, so only win rates are given).</param>
/// <param name="Estimator">How it was estimated.</param>
/// <param name="AtRecommendedBid">The landscape at the recommended bid.</param>
/// <param name="Points">The landscape on a grid of bids, ascending.</param>
public sealed record BidLandscapeDto(
    int MarketPrices, int WindowDays, double? AuctionsPerDay, string Estimator, BidLandscapePointDto AtRecommendedBid, IReadOnlyList<BidLandscapePointDto> Points);

/// <summary>Expected outcome of bidding one price.</summary>
/// <param name="Bid">CPM bid.</param>
/// <param name="WinRate">Share of auctions won.</param>
/// <param name="ImpressionsPerDay">Auctions per day × win rate.</param>
/// <param name="ClicksPerDay">Impressions per day × pCTR.</param>
/// <param name="SpendPerDay">Market prices paid per day (second price).</param>
public sealed record BidLandscapePointDto(decimal Bid, double WinRate, double? ImpressionsPerDay, double? ClicksPerDay, decimal? SpendPerDay);
