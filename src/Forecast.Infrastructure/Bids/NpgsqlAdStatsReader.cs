using System.Text.Json;
using Forecast.Application.Ingestion.AdStats;
using Npgsql;
using static Forecast.Infrastructure.Persistence.NpgsqlQueries;

namespace Forecast.Infrastructure.Bids;

/// <summary>Reads ad stats with plain SQL; the latest rows of an advertiser come from the (tenant, advertiser, bucket) index.</summary>
internal sealed class NpgsqlAdStatsReader(NpgsqlDataSource dataSource) : IAdStatsReader
{
    private const string Columns = "a.external_id, s.key, t.bucket_start, t.bucket_minutes, t.impressions, t.clicks, t.context::text, t.conversions, t.cost";

    public async Task<IReadOnlyList<AdStatRow>> ReadAllAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = new List<AdStatRow>();
        await foreach (var row in QueryAsync(connection, $"""
            SELECT {Columns}
            FROM ad_stats t
            JOIN advertisers a ON a.tenant_id = t.tenant_id AND a.id = t.advertiser_id
            JOIN scenarios s ON s.tenant_id = t.tenant_id AND s.id = t.scenario_id
            WHERE t.tenant_id = $1 AND t.impressions > 0
            """, cancellationToken, tenantId))
        {
            rows.Add(Row(row));
        }

        return rows;
    }

    public async Task<IReadOnlyDictionary<string, AdvertiserDelivery>> ReadRecentAsync(
        Guid tenantId, IReadOnlyCollection<string> advertiserIds, DateTimeOffset before, int rows, IReadOnlyList<int> windowDays,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var recent = new Dictionary<string, (DateTimeOffset FirstSeen, List<AdStatRow> Rows)>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(connection, $"""
            SELECT {Columns}, f.first_seen
            FROM advertisers a
            CROSS JOIN LATERAL (
                SELECT min(bucket_start) AS first_seen FROM ad_stats
                WHERE tenant_id = a.tenant_id AND advertiser_id = a.id AND impressions > 0) f
            CROSS JOIN LATERAL (
                SELECT * FROM ad_stats
                WHERE tenant_id = a.tenant_id AND advertiser_id = a.id AND impressions > 0 AND bucket_start < $3
                ORDER BY bucket_start DESC
                LIMIT $4) t
            JOIN scenarios s ON s.tenant_id = t.tenant_id AND s.id = t.scenario_id
            WHERE a.tenant_id = $1 AND a.external_id = ANY($2)
            """, cancellationToken, tenantId, advertiserIds.ToArray(), before, rows))
        {
            var stat = Row(row);
            if (!recent.TryGetValue(stat.AdvertiserId, out var delivery))
            {
                delivery = (row.GetFieldValue<DateTimeOffset>(9), []);
                recent[stat.AdvertiserId] = delivery;
            }

            delivery.Rows.Add(stat);
        }

        var windows = await ReadWindowsAsync(connection, tenantId, advertiserIds, before, windowDays, cancellationToken);
        return recent.ToDictionary(
            pair => pair.Key,
            pair => new AdvertiserDelivery(pair.Value.FirstSeen, pair.Value.Rows.OrderBy(stat => stat.BucketStart).ToList(), windows[pair.Key].ToList()),
            StringComparer.Ordinal);
    }

    /// <summary>Sums per advertiser, scenario and context over each window, in one pass over the longest window's rows.</summary>
    private static async Task<ILookup<string, WindowedAdStats>> ReadWindowsAsync(
        NpgsqlConnection connection, Guid tenantId, IReadOnlyCollection<string> advertiserIds, DateTimeOffset before, IReadOnlyList<int> windowDays,
        CancellationToken cancellationToken)
    {
        // Window lengths are the model's constants, never request input: safe to write into the statement.
        var sums = string.Join(", ", windowDays.Select((days, window) =>
            $"coalesce(sum(impressions) FILTER (WHERE bucket_start >= $3 - interval '{days} days'), 0) AS impressions_{window}, " +
            $"coalesce(sum(clicks) FILTER (WHERE bucket_start >= $3 - interval '{days} days'), 0) AS clicks_{window}"));
        var columns = string.Join(", ", windowDays.Select((_, window) => $"w.impressions_{window}, w.clicks_{window}"));
        var windows = new List<(string Advertiser, WindowedAdStats Stats)>();
        // Per advertiser (LATERAL): its rows come from the (tenant, advertiser, bucket) index whatever the statistics say;
        // a plain join let the planner scan every row of the scenario on a freshly loaded table.
        await foreach (var row in QueryAsync(connection, $"""
            SELECT a.external_id, s.key, w.context::text, {columns}
            FROM advertisers a
            CROSS JOIN LATERAL (
                SELECT scenario_id, context, {sums}
                FROM ad_stats
                WHERE tenant_id = a.tenant_id AND advertiser_id = a.id AND impressions > 0
                  AND bucket_start < $3 AND bucket_start >= $3 - interval '{windowDays.Max()} days'
                GROUP BY scenario_id, context) w
            JOIN scenarios s ON s.tenant_id = a.tenant_id AND s.id = w.scenario_id
            WHERE a.tenant_id = $1 AND a.external_id = ANY($2)
            """, cancellationToken, tenantId, advertiserIds.ToArray(), before))
        {
            var (impressions, clicks) = (new long[windowDays.Count], new long[windowDays.Count]);
            for (var window = 0; window < windowDays.Count; window++)
            {
                impressions[window] = row.GetInt64(3 + (2 * window));
                clicks[window] = row.GetInt64(4 + (2 * window));
            }

            var context = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(2)) ?? [];
            windows.Add((row.GetString(0), new WindowedAdStats(row.GetString(1), context, impressions, clicks)));
        }

        return windows.ToLookup(window => window.Advertiser, window => window.Stats, StringComparer.Ordinal);
    }

    private static AdStatRow Row(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetFieldValue<DateTimeOffset>(2),
        row.GetInt32(3),
        row.GetInt64(4),
        row.GetInt64(5),
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(6)),
        row.IsDBNull(7) ? null : row.GetInt64(7),
        row.IsDBNull(8) ? null : row.GetDecimal(8));
}
