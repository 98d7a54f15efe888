using Forecast.Application.Bids;
using Npgsql;
using static Forecast.Infrastructure.Persistence.NpgsqlQueries;

namespace Forecast.Infrastructure.Bidding;

/// <summary>
/// Summarises each scenario's last <see cref="IAuctionMarketReader.WindowDays"/> days of auction outcomes in
/// PostgreSQL: the market-price distribution as <see cref="Quantiles"/> equal-mass quantiles (a bounded answer
/// however many auctions there are) and each asked advertiser's auctions per day.
/// </summary>
internal sealed class NpgsqlAuctionMarketReader(NpgsqlDataSource dataSource) : IAuctionMarketReader
{
    public const int Quantiles = 1000;

    private static readonly double[] Levels = Enumerable.Range(0, Quantiles).Select(index => (index + 0.5) / Quantiles).ToArray();

    private const string RecentWindow = """
        WITH window_end AS (
            SELECT o.scenario_id, s.key, max(o.occurred_at) AS until
            FROM auction_outcomes o
            JOIN scenarios s ON s.tenant_id = o.tenant_id AND s.id = o.scenario_id
            WHERE o.tenant_id = $1 AND s.key = ANY($2)
            GROUP BY o.scenario_id, s.key),
        recent AS (
            SELECT w.key, w.until, o.*
            FROM window_end w
            JOIN auction_outcomes o ON o.tenant_id = $1 AND o.scenario_id = w.scenario_id
                AND o.occurred_at > w.until - make_interval(days => $3))
        """;

    public async Task<IReadOnlyDictionary<(string Scenario, string AdvertiserId), AuctionMarket>> ReadAsync(
        Guid tenantId, IReadOnlyCollection<(string Scenario, string AdvertiserId)> pairs, CancellationToken cancellationToken)
    {
        var scenarios = pairs.Select(pair => pair.Scenario).Distinct(StringComparer.Ordinal).ToArray();
        var advertisers = pairs.Select(pair => pair.AdvertiserId).Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var prices = new Dictionary<string, (int Count, int Days, double[] Quantiles)>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(connection, RecentWindow + """
            SELECT key, count(market_price)::int,
                   LEAST($3, GREATEST(1, ceil(extract(epoch FROM max(until) - min(occurred_at)) / 86400)))::int,
                   percentile_cont($4::float8[]) WITHIN GROUP (ORDER BY market_price::float8)
            FROM recent
            GROUP BY key
            """, cancellationToken, tenantId, scenarios, IAuctionMarketReader.WindowDays, Levels))
        {
            prices[row.GetString(0)] = (row.GetInt32(1), row.GetInt32(2), row.IsDBNull(3) ? [] : row.GetFieldValue<double[]>(3));
        }

        var auctions = new Dictionary<(string, string), int>();
        await foreach (var row in QueryAsync(connection, RecentWindow + """
            SELECT r.key, a.external_id, count(*)::int
            FROM recent r
            JOIN advertisers a ON a.tenant_id = r.tenant_id AND a.id = r.advertiser_id
            WHERE a.external_id = ANY($4)
            GROUP BY r.key, a.external_id
            """, cancellationToken, tenantId, scenarios, IAuctionMarketReader.WindowDays, advertisers))
        {
            auctions[(row.GetString(0), row.GetString(1))] = row.GetInt32(2);
        }

        return pairs.Distinct().ToDictionary(pair => pair, pair =>
        {
            var (count, days, quantiles) = prices.GetValueOrDefault(pair.Scenario, (0, IAuctionMarketReader.WindowDays, []));
            double? perDay = auctions.TryGetValue(pair, out var taken) ? (double)taken / days : null;
            return new AuctionMarket(pair.Scenario, quantiles, count, days, perDay);
        });
    }
}
