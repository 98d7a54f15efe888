using Forecast.Application.Ingestion.AuctionOutcomes;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Ingestion;

internal sealed class AuctionOutcomeTable : FactTable<AuctionOutcomeRow>
{
    public override string Name => "auction_outcomes";

    public override string StagingColumns =>
        "auction_id text, occurred_at timestamptz, bid numeric, won boolean, market_price numeric";

    public override string NaturalKey => "auction_id";

    public override string MergeSql => """
        INSERT INTO auction_outcomes AS t (tenant_id, auction_id, scenario_id, advertiser_id, occurred_at, bid, won, market_price)
        SELECT @tenant, b.auction_id, s.id, a.id, b.occurred_at, b.bid, b.won, b.market_price
        FROM batch_rows b
        JOIN scenarios s ON s.tenant_id = @tenant AND s.key = b.scenario_ref
        LEFT JOIN advertisers a ON a.tenant_id = @tenant AND a.external_id = b.advertiser_ref
        ON CONFLICT (tenant_id, auction_id) DO UPDATE
        SET scenario_id = excluded.scenario_id, advertiser_id = excluded.advertiser_id, occurred_at = excluded.occurred_at,
            bid = excluded.bid, won = excluded.won, market_price = excluded.market_price
        WHERE (t.scenario_id, t.advertiser_id, t.occurred_at, t.bid, t.won, t.market_price)
              IS DISTINCT FROM (excluded.scenario_id, excluded.advertiser_id, excluded.occurred_at, excluded.bid,
                                excluded.won, excluded.market_price)
        RETURNING (xmax = 0) AS inserted
        """;

    public override string? AdvertiserRef(AuctionOutcomeRow row) => row.AdvertiserId;

    public override string ScenarioRef(AuctionOutcomeRow row) => row.Scenario;

    public override async Task WriteAsync(NpgsqlBinaryImporter importer, AuctionOutcomeRow row, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(row.AuctionId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(row.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(row.Bid, NpgsqlDbType.Numeric, cancellationToken);
        await importer.WriteAsync(row.Won, NpgsqlDbType.Boolean, cancellationToken);
        await importer.WriteNullableAsync(row.MarketPrice, NpgsqlDbType.Numeric, cancellationToken);
    }
}
