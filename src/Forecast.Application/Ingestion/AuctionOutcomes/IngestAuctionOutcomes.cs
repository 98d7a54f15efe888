using Forecast.Application.Bids;
using Microsoft.Extensions.Options;

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

/// <summary>A batch of auction outcomes for one tenant.</summary>
public sealed record IngestAuctionOutcomes(Guid TenantId, IReadOnlyList<AuctionOutcomeRow> Rows)
    : IIngestionBatch<AuctionOutcomeRow>;

public sealed class IngestAuctionOutcomesValidator(TimeProvider clock, IOptions<IngestionBounds> bounds) : BatchValidator<IngestAuctionOutcomes, AuctionOutcomeRow>(clock, bounds)
{
    protected override void ValidateRow(AuctionOutcomeRow row, int index, RowErrors errors)
    {
        errors.RequireId(index, "auctionId", row.AuctionId);
        errors.RequireId(index, "scenario", row.Scenario);
        if (row.AdvertiserId is not null)
        {
            errors.RequireId(index, "advertiserId", row.AdvertiserId);
        }

        errors.RequireTime(index, "occurredAt", row.OccurredAt);
        errors.RequireMagnitude(index, "bid", row.Bid, errors.Bounds.MaxAmount);
        errors.RequireMagnitude(index, "marketPrice", row.MarketPrice, errors.Bounds.MaxAmount);
    }
}

public sealed class IngestAuctionOutcomesHandler(IBatchIngestor ingestor, IAuctionMarketReader markets)
    : BatchIngestionHandler<IngestAuctionOutcomes, AuctionOutcomeRow>(ingestor)
{
    /// <summary>New outcomes show in this instance's next landscape; other instances see them within their cache time.</summary>
    protected override void Ingested(Guid tenantId, IngestionResult result) => markets.Forget(tenantId);
}
