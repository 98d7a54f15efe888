using System.Text.Json;
using Forecast.Application.Forecasts;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Npgsql;
using static Forecast.Infrastructure.Persistence.NpgsqlQueries;

namespace Forecast.Infrastructure.Forecasting;

/// <summary>Reads a tenant's history with plain SQL: training reads every row, a forecast one advertiser's recent rows.</summary>
internal sealed class NpgsqlTenantHistoryReader(NpgsqlDataSource dataSource) : ITenantHistoryReader
{
    public async Task<TenantHistory> ReadAsync(
        Guid tenantId, IReadOnlyCollection<string>? advertiserIds, int? recentDays, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lastDay = await ScalarAsync<DateOnly?>(connection, "SELECT max(date) FROM daily_metrics WHERE tenant_id = $1", cancellationToken, tenantId);
        object advertiserFilter = advertiserIds is null ? DBNull.Value : advertiserIds.ToArray();
        object from = lastDay is { } last && recentDays is { } days ? last.AddDays(1 - days) : DBNull.Value;
        var scenarios = await AttributeMapsAsync(connection, "SELECT key, attributes::text FROM scenarios WHERE tenant_id = $1", cancellationToken, tenantId);
        var advertisers = await AttributeMapsAsync(connection,
            "SELECT external_id, profile::text FROM advertisers WHERE tenant_id = $1 AND ($2::text[] IS NULL OR external_id = ANY($2))",
            cancellationToken, tenantId, advertiserFilter);

        var metrics = new List<DailyMetricRow>();
        await foreach (var row in QueryAsync(connection, """
            SELECT a.external_id, s.key, m.date, m.impressions, m.clicks, m.spend, m.conversions
            FROM daily_metrics m
            JOIN advertisers a ON a.tenant_id = m.tenant_id AND a.id = m.advertiser_id
            JOIN scenarios s ON s.tenant_id = m.tenant_id AND s.id = m.scenario_id
            WHERE m.tenant_id = $1 AND ($2::text[] IS NULL OR a.external_id = ANY($2)) AND ($3::date IS NULL OR m.date >= $3)
            """, cancellationToken, tenantId, advertiserFilter, from))
        {
            metrics.Add(new DailyMetricRow(
                row.GetString(0), row.GetString(1), row.GetFieldValue<DateOnly>(2), row.GetInt64(3), row.GetInt64(4),
                row.IsDBNull(5) ? null : row.GetDecimal(5), row.IsDBNull(6) ? null : row.GetInt64(6)));
        }

        var events = new List<BehaviourEventRow>();
        await foreach (var row in QueryAsync(connection, """
            SELECT a.external_id, e.event_type, e.occurred_at, s.key, e.value
            FROM behaviour_events e
            JOIN advertisers a ON a.tenant_id = e.tenant_id AND a.id = e.advertiser_id
            LEFT JOIN scenarios s ON s.tenant_id = e.tenant_id AND s.id = e.scenario_id
            WHERE e.tenant_id = $1 AND ($2::text[] IS NULL OR a.external_id = ANY($2)) AND ($3::date IS NULL OR e.occurred_at >= $3::date)
            """, cancellationToken, tenantId, advertiserFilter, from))
        {
            events.Add(new BehaviourEventRow(
                row.GetString(0), row.GetString(1), row.GetFieldValue<DateTimeOffset>(2),
                row.IsDBNull(3) ? null : row.GetString(3), row.IsDBNull(4) ? null : row.GetDouble(4)));
        }

        return new TenantHistory(lastDay, scenarios, advertisers, metrics, events);
    }

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> AttributeMapsAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        var maps = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        await foreach (var row in QueryAsync(connection, sql, cancellationToken, parameters))
        {
            maps[row.GetString(0)] = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(1)) ?? [];
        }

        return maps;
    }
}
