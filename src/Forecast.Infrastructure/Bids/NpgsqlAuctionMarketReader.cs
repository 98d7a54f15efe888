using System.Collections.Concurrent;
using Forecast.Application.Bids;
using Npgsql;
using static Forecast.Infrastructure.Persistence.NpgsqlQueries;

namespace Forecast.Infrastructure.Bids;

/// <summary>
/// Summarises each scenario's last <see cref="IAuctionMarketReader.WindowDays"/> days of auction outcomes in
/// PostgreSQL: the market-price distribution as <see cref="Quantiles"/> equal-mass quantiles (a bounded answer
/// however many auctions there are) and every advertiser's auctions per day. A scenario's summary is kept for
/// <see cref="FreshFor"/> (or until this instance ingests the tenant's outcomes): a market over four weeks does not move
/// in seconds, and most bid estimates then read no auctions at all.
/// </summary>
internal sealed class NpgsqlAuctionMarketReader(NpgsqlDataSource dataSource, TimeProvider clock) : IAuctionMarketReader
{
    public const int Quantiles = 1000;

    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

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

    private readonly ConcurrentDictionary<(Guid Tenant, string Scenario), (ScenarioMarket Market, DateTimeOffset ReadAt)> _recent = new();

    public async Task<IReadOnlyDictionary<(string Scenario, string AdvertiserId), AuctionMarket>> ReadAsync(
        Guid tenantId, IReadOnlyCollection<(string Scenario, string AdvertiserId)> pairs, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var markets = new Dictionary<string, ScenarioMarket>(StringComparer.Ordinal);
        foreach (var scenario in pairs.Select(pair => pair.Scenario).Distinct(StringComparer.Ordinal))
        {
            if (_recent.TryGetValue((tenantId, scenario), out var cached) && now - cached.ReadAt < FreshFor)
            {
                markets[scenario] = cached.Market;
            }
        }

        var stale = pairs.Select(pair => pair.Scenario).Distinct(StringComparer.Ordinal).Where(scenario => !markets.ContainsKey(scenario)).ToArray();
        if (stale.Length > 0)
        {
            foreach (var (scenario, market) in await ReadScenariosAsync(tenantId, stale, cancellationToken))
            {
                markets[scenario] = market;
                _recent[(tenantId, scenario)] = (market, now);
            }
        }

        return pairs.Distinct().ToDictionary(pair => pair, pair =>
        {
            var market = markets[pair.Scenario];
            double? perDay = market.Auctions.TryGetValue(pair.AdvertiserId, out var taken) ? (double)taken / market.Days : null;
            return new AuctionMarket(pair.Scenario, market.Quantiles, market.PriceCount, market.Days, perDay);
        });
    }

    public void Forget(Guid tenantId)
    {
        foreach (var key in _recent.Keys.Where(key => key.Tenant == tenantId))
        {
            _recent.TryRemove(key, out _);
        }
    }

    private async Task<Dictionary<string, ScenarioMarket>> ReadScenariosAsync(Guid tenantId, string[] scenarios, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var markets = scenarios.ToDictionary(
            scenario => scenario,
            _ => new ScenarioMarket(0, IAuctionMarketReader.WindowDays, [], new Dictionary<string, int>(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        await foreach (var row in QueryAsync(connection, RecentWindow + """
            SELECT key, count(market_price)::int,
                   LEAST($3, GREATEST(1, ceil(extract(epoch FROM max(until) - min(occurred_at)) / 86400)))::int,
                   percentile_cont($4::float8[]) WITHIN GROUP (ORDER BY market_price::float8)
            FROM recent
            GROUP BY key
            """, cancellationToken, tenantId, scenarios, IAuctionMarketReader.WindowDays, Levels))
        {
            var key = row.GetString(0);
            markets[key] = markets[key] with { PriceCount = row.GetInt32(1), Days = row.GetInt32(2), Quantiles = row.IsDBNull(3) ? [] : row.GetFieldValue<double[]>(3) };
        }

        await foreach (var row in QueryAsync(connection, RecentWindow + """
            SELECT r.key, a.external_id, count(*)::int
            FROM recent r
            JOIN advertisers a ON a.tenant_id = r.tenant_id AND a.id = r.advertiser_id
            GROUP BY r.key, a.external_id
            """, cancellationToken, tenantId, scenarios, IAuctionMarketReader.WindowDays))
        {
            markets[row.GetString(0)].Auctions[row.GetString(1)] = row.GetInt32(2);
        }

        return markets;
    }

    /// <summary>A scenario's recent market: its price distribution and each advertiser's auction count in the window.</summary>
    private sealed record ScenarioMarket(int PriceCount, int Days, double[] Quantiles, Dictionary<string, int> Auctions);
}
