using Forecast.Application.Advertisers;
using Forecast.Application.Audit;
using Forecast.Infrastructure.Forecasts;
using Npgsql;

namespace Forecast.Infrastructure.Erasure;

/// <summary>
/// Deletes an advertiser's rows in one transaction with the audit event that records it. Erasure deletes the
/// advertiser row and lets the foreign keys cascade (every fact, forecast and snapshot table references it), after
/// counting what goes. The database announces the change to every instance; this one forgets the tenant's cached
/// forecasts at once, as ingestion does.
/// </summary>
internal sealed class NpgsqlAdvertiserDataEraser(NpgsqlDataSource dataSource, FreshForecastCache forecasts, TimeProvider clock) : IAdvertiserDataEraser
{
    private const string Advertiser = "(SELECT id FROM advertisers WHERE tenant_id = $1 AND external_id = $2)";

    private static readonly Dictionary<AdvertiserRows, (string Table, string Range)> Ranges = new()
    {
        [AdvertiserRows.DailyMetrics] = ("daily_metrics", "date >= $3 AND date <= $4"),
        [AdvertiserRows.BehaviourEvents] = ("behaviour_events", $"occurred_at >= {UtcStart("$3")} AND occurred_at < {UtcStart("($4 + 1)")}"),
        [AdvertiserRows.AdStats] = ("ad_stats", $"bucket_start >= {UtcStart("$3")} AND bucket_start < {UtcStart("($4 + 1)")}"),
    };

    /// <summary>The UTC start of a day, whatever the session's time zone.</summary>
    private static string UtcStart(string day) => $"({day}::timestamp AT TIME ZONE 'UTC')";

    private static readonly string[] ErasedTables = ["daily_metrics", "behaviour_events", "ad_stats", "auction_outcomes", "forecasts", "forecast_snapshots"];

    public async Task<long?> DeleteRowsAsync(
        Guid tenantId, string advertiserId, AdvertiserRows rows, DateOnly from, DateOnly to, string? scenario, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var scenarioFilter = scenario is null ? "" : " AND scenario_id = (SELECT id FROM scenarios WHERE tenant_id = $1 AND key = $5)";
        if (!await ExistsAsync(connection, tenantId, advertiserId, scenario, cancellationToken))
        {
            return null;
        }

        var (table, range) = Ranges[rows];
        var deleted = await ExecuteAsync(connection,
            $"DELETE FROM {table} WHERE tenant_id = $1 AND advertiser_id = {Advertiser} AND {range}{scenarioFilter}",
            cancellationToken, scenario is null ? [tenantId, advertiserId, from, to] : [tenantId, advertiserId, from, to, scenario]);
        if (deleted > 0)
        {
            await AuditAsync(connection, tenantId, actor, AuditActions.AdvertiserRowsDeleted,
                $"{deleted} {table} row(s) of advertiser {advertiserId}{(scenario is null ? "" : $" in {scenario}")} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0)
        {
            forecasts.Forget(tenantId);
        }

        return deleted;
    }

    public async Task<ErasedAdvertiser?> EraseAsync(Guid tenantId, string advertiserId, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The advertiser's row locked first: an ingestion naming it waits, then finds it gone and creates it anew.
        await using (var lookup = new NpgsqlCommand($"SELECT id FROM advertisers WHERE tenant_id = $1 AND external_id = $2 FOR UPDATE", connection))
        {
            lookup.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            lookup.Parameters.Add(new NpgsqlParameter { Value = advertiserId });
            if (await lookup.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }

        var counts = new long[ErasedTables.Length];
        for (var index = 0; index < ErasedTables.Length; index++)
        {
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM {ErasedTables[index]} WHERE tenant_id = $1 AND advertiser_id = {Advertiser}", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            count.Parameters.Add(new NpgsqlParameter { Value = advertiserId });
            counts[index] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await ExecuteAsync(connection, "DELETE FROM advertisers WHERE tenant_id = $1 AND external_id = $2", cancellationToken, tenantId, advertiserId);
        var erased = new ErasedAdvertiser(advertiserId, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
        await AuditAsync(connection, tenantId, actor, AuditActions.AdvertiserErased,
            $"advertiser {advertiserId}: {string.Join(", ", ErasedTables.Select((table, index) => $"{counts[index]} {table}"))}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        forecasts.Forget(tenantId);
        return erased;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, Guid tenantId, string advertiserId, string? scenario, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Advertiser} IS NOT NULL AND ($3 = '' OR EXISTS (SELECT 1 FROM scenarios WHERE tenant_id = $1 AND key = $3))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = advertiserId });
        command.Parameters.Add(new NpgsqlParameter { Value = scenario ?? "" });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task AuditAsync(NpgsqlConnection connection, Guid tenantId, string actor, string action, string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await ExecuteAsync(connection, "INSERT INTO audit_events (id, occurred_at, actor, action, tenant_id, subject) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, Guid.CreateVersion7(now), now, actor, action, tenantId, subject);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
