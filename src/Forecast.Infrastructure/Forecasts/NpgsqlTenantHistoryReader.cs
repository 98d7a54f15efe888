using System.Text.Json;
using Forecast.Application.Forecasts;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Infrastructure.Persistence;
using Npgsql;

namespace Forecast.Infrastructure.Forecasts;

/// <summary>
/// Reads a tenant's history with plain SQL: training reads every row, a forecast one advertiser's recent rows (behaviour
/// only over the model's history window: the intraday events are most of an advertiser's rows). The five reads go as
/// one batch, one round trip: five round trips were a large part of an online forecast's time.
/// </summary>
internal sealed class NpgsqlTenantHistoryReader(NpgsqlDataSource dataSource) : ITenantHistoryReader
{
    // {advertisers} and {since} become filters only when asked for: a prepared "($2 IS NULL OR …)" falls back to a
    // generic plan that cannot use the advertiser index, and one advertiser's read would scan the tenant.
    private static readonly string[] Statements =
    [
        TenantAsOfDay.Sql,
        "SELECT key, attributes::text FROM scenarios WHERE tenant_id = $1",
        "SELECT a.external_id, a.profile::text FROM advertisers a WHERE a.tenant_id = $1 {advertisers}",
        """
        SELECT a.external_id, s.key, m.date, m.impressions, m.clicks, m.spend, m.conversions
        FROM daily_metrics m
        JOIN advertisers a ON a.tenant_id = m.tenant_id AND a.id = m.advertiser_id
        JOIN scenarios s ON s.tenant_id = m.tenant_id AND s.id = m.scenario_id
        WHERE m.tenant_id = $1 {advertisers} {since:m.date} AND m.date <= ({asOf})
        """,
        """
        SELECT a.external_id, e.event_type, e.occurred_at, s.key, e.value
        FROM behaviour_events e
        JOIN advertisers a ON a.tenant_id = e.tenant_id AND a.id = e.advertiser_id
        LEFT JOIN scenarios s ON s.tenant_id = e.tenant_id AND s.id = e.scenario_id
        WHERE e.tenant_id = $1 {advertisers} {since:e.occurred_at}
        """,
    ];

    public async Task<TenantDataDays?> ReadDataDaysAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH as_of AS ({TenantAsOfDay.Sql})
            SELECT min(d.date), (SELECT date FROM as_of), max(d.date), coalesce(sum(d.series) FILTER (WHERE d.date > (SELECT date FROM as_of)), 0)
            FROM tenant_days d WHERE d.tenant_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0)
            ? new TenantDataDays(reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt64(3))
            : null;
    }

    public async Task<TenantHistory> ReadAsync(
        Guid tenantId, IReadOnlyCollection<string>? advertiserIds, int? recentDays, int? behaviourDays, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var sql in Statements)
        {
            batch.BatchCommands.Add(Statement(sql, tenantId, advertiserIds, recentDays, behaviourDays ?? recentDays));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        DateOnly? lastDay = await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
        await reader.NextResultAsync(cancellationToken);
        var scenarios = await AttributeMapsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var advertisers = await AttributeMapsAsync(reader, cancellationToken);

        await reader.NextResultAsync(cancellationToken);
        var metrics = new List<DailyMetricRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            metrics.Add(new DailyMetricRow(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }

        await reader.NextResultAsync(cancellationToken);
        var events = new List<BehaviourEventRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new BehaviourEventRow(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }

        return new TenantHistory(lastDay, scenarios, advertisers, metrics, events);
    }

    /// <summary>The statement with its optional filters written in, numbered after the tenant ($1) in order of use.</summary>
    private static NpgsqlBatchCommand Statement(string sql, Guid tenantId, IReadOnlyCollection<string>? advertiserIds, int? recentDays, int? behaviourDays)
    {
        var command = new NpgsqlBatchCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        string Next(object value) => NpgsqlQueries.Bind(command.Parameters, value);

        if (sql.Contains("{advertisers}", StringComparison.Ordinal))
        {
            sql = sql.Replace("{advertisers}", advertiserIds is null ? "" : $"AND {NpgsqlQueries.EqualsAny(command.Parameters, "a.external_id", advertiserIds)}", StringComparison.Ordinal);
        }

        // Days are UTC days (the panel's): an event's first day starts at UTC midnight whatever the session's time zone.
        foreach (var (column, since, asColumnType) in new[] { ("m.date", recentDays, ""), ("e.occurred_at", behaviourDays, "::timestamp AT TIME ZONE 'UTC'") })
        {
            var token = $"{{since:{column}}}";
            if (sql.Contains(token, StringComparison.Ordinal))
            {
                sql = sql.Replace(token, since is not { } days ? "" : $"AND {column} >= (({TenantAsOfDay.Sql}) - ({Next(days)}::int - 1)){asColumnType}", StringComparison.Ordinal);
            }
        }

        command.CommandText = sql.Replace("{asOf}", TenantAsOfDay.Sql, StringComparison.Ordinal);
        return command;
    }

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> AttributeMapsAsync(
        NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var maps = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            maps[reader.GetString(0)] = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(1)) ?? [];
        }

        return maps;
    }
}
