using Forecast.Application.Bids;
using Npgsql;
using static Forecast.Infrastructure.Persistence.NpgsqlQueries;

namespace Forecast.Infrastructure.Bids;

/// <summary>Sums clicks and conversions of the ad stats rows that track conversions, per advertiser and scenario.</summary>
internal sealed class NpgsqlConversionReader(NpgsqlDataSource dataSource) : IConversionReader
{
    public async Task<IReadOnlyList<ConversionCounts>> ReadAsync(Guid tenantId, IReadOnlyCollection<string> scenarios, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = new List<ConversionCounts>();
        await foreach (var row in QueryAsync(connection, """
            SELECT a.external_id, s.key, sum(t.clicks)::bigint, sum(t.conversions)::bigint
            FROM ad_stats t
            JOIN advertisers a ON a.tenant_id = t.tenant_id AND a.id = t.advertiser_id
            JOIN scenarios s ON s.tenant_id = t.tenant_id AND s.id = t.scenario_id
            WHERE t.tenant_id = $1 AND s.key = ANY($2) AND t.conversions IS NOT NULL
            GROUP BY a.external_id, s.key
            """, cancellationToken, tenantId, scenarios.ToArray()))
        {
            counts.Add(new ConversionCounts(row.GetString(0), row.GetString(1), row.GetInt64(2), row.GetInt64(3)));
        }

        return counts;
    }
}
