using Forecast.Application.Bids;
using Microsoft.Extensions.Options;

namespace Forecast.Application.Ingestion.AuctionOutcomes;

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
