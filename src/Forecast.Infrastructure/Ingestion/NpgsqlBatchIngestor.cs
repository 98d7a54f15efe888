using Forecast.Application.Common.Refusals;
using Forecast.Application.Ingestion;
using Forecast.Infrastructure.Forecasts;
using Forecast.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Ingestion;

/// <summary>
/// One transaction per batch: binary COPY into a temporary staging table, a check for unknown references, then one
/// INSERT … ON CONFLICT into the fact table. Repeated keys inside a batch make that statement fail (a row cannot be
/// affected twice); only then are they looked up, to name them, so the common case pays no extra pass. Any failure
/// rolls the whole batch back.
/// </summary>
internal sealed class NpgsqlBatchIngestor(NpgsqlDataSource dataSource, IServiceProvider services, FreshForecastCache forecasts) : IBatchIngestor
{
    private const int BulkLoadRows = 10_000;

    // A 100,000-row batch merging into a large table on a busy machine can outlast Npgsql's default 30 s, which would
    // end a healthy batch as a timeout (reported as the database being unavailable).
    private const int BatchCommandTimeoutSeconds = 300;

    public async Task<IngestionResult> IngestAsync<TRow>(
        Guid tenantId, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        // A batch is an idempotent upsert in one transaction, so a batch whose connection was lost (a database
        // restart leaves pooled connections that fail on first use) is sent once more on a fresh one: should the first
        // attempt have committed after all, the second finds every row unchanged.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await IngestOnceAsync(tenantId, rows, cancellationToken);
            }
            catch (Exception exception) when (attempt == 1 && DatabaseOutage.Caused(exception))
            {
                DatabaseOutage.DropPooledConnections(dataSource);
            }
        }
    }

    private async Task<IngestionResult> IngestOnceAsync<TRow>(
        Guid tenantId, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        var table = services.GetRequiredService<FactTable<TRow>>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE batch_rows (row_no integer, advertiser_ref text, scenario_ref text, {table.StagingColumns})
            ON COMMIT DROP
            """, cancellationToken);
        await CopyAsync(connection, table, rows, cancellationToken);
        // Temporary tables are never analyzed by autovacuum: without statistics the planner joins up to 100,000 staged
        // rows to the tenant's advertisers and facts blind.
        await ExecuteAsync(connection, "ANALYZE batch_rows", cancellationToken);
        await RejectUnknownReferencesAsync(connection, tenantId, cancellationToken);

        await transaction.SaveAsync("merge", cancellationToken);
        int inserted, updated;
        try
        {
            (inserted, updated) = await MergeAsync(connection, table, tenantId, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CardinalityViolation)
        {
            await transaction.RollbackAsync("merge", cancellationToken);
            await RejectRepeatedKeysAsync(connection, table, cancellationToken);
            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        if (inserted + updated > 0 && table.DecidesForecastFreshness)
        {
            // The database announces the change to every instance; this one forgets at once, so the batch's answer is
            // never followed by a forecast from before it.
            forecasts.Forget(tenantId);
        }

        if (inserted >= BulkLoadRows)
        {
            // A bulk load grows the table faster than autovacuum re-reads it; until it does, the planner still sees the
            // tenant as a few rows and reads one advertiser's history through a scan of the whole tenant.
            await ExecuteAsync(connection, $"ANALYZE advertisers, scenarios, {table.Name}", cancellationToken);
        }

        return new IngestionResult(rows.Count, inserted, updated, rows.Count - inserted - updated);
    }

    private static async Task CopyAsync<TRow>(
        NpgsqlConnection connection, FactTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY batch_rows FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = TimeSpan.FromSeconds(BatchCommandTimeoutSeconds);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(index, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteNullableAsync(table.AdvertiserRef(row), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteNullableAsync(table.ScenarioRef(row), NpgsqlDbType.Text, cancellationToken);
            await table.WriteAsync(importer, row, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task RejectUnknownReferencesAsync(
        NpgsqlConnection connection, Guid tenantId, CancellationToken cancellationToken)
    {
        var errors = await ReadErrorsAsync(connection, $"""
            SELECT row_no, field, message FROM (
                SELECT b.row_no, 'advertiserId' AS field, 'Unknown advertiser ''' || b.advertiser_ref || '''; create it first with PUT /v1/advertisers/ID.' AS message
                FROM batch_rows b
                WHERE b.advertiser_ref IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM advertisers a WHERE a.tenant_id = @tenant AND a.external_id = b.advertiser_ref)
                UNION ALL
                SELECT b.row_no, 'scenario', 'Unknown scenario ''' || b.scenario_ref || '''; create it first with PUT /v1/scenarios/KEY.'
                FROM batch_rows b
                WHERE b.scenario_ref IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM scenarios s WHERE s.tenant_id = @tenant AND s.key = b.scenario_ref)
            ) unknown
            ORDER BY row_no LIMIT {BatchLimits.MaxReportedErrors}
            """, tenantId, cancellationToken);
        if (errors.Count > 0)
        {
            throw Refusal.UnknownReferences(
                "Rows refer to advertisers or scenarios this tenant has not registered; nothing was written.", errors);
        }
    }

    private static async Task RejectRepeatedKeysAsync<TRow>(
        NpgsqlConnection connection, FactTable<TRow> table, CancellationToken cancellationToken)
    {
        var errors = await ReadErrorsAsync(connection, $"""
            SELECT max(row_no), '', 'Repeats the key of rows[' || min(row_no) || '] (' || '{table.NaturalKey.Replace("_ref", "")}' || ').'
            FROM batch_rows GROUP BY {table.NaturalKey} HAVING count(*) > 1
            ORDER BY 1 LIMIT {BatchLimits.MaxReportedErrors}
            """, null, cancellationToken);
        if (errors.Count > 0)
        {
            throw Refusal.Invalid("Two rows of the batch have the same key; nothing was written.", errors);
        }
    }

    private static async Task<(int Inserted, int Updated)> MergeAsync<TRow>(
        NpgsqlConnection connection, FactTable<TRow> table, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH merged AS ({table.MergeSql})
            SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM merged
            """, connection) { CommandTimeout = BatchCommandTimeoutSeconds };
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private static async Task<Dictionary<string, string[]>> ReadErrorsAsync(
        NpgsqlConnection connection, string sql, Guid? tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = BatchCommandTimeoutSeconds };
        if (tenantId is { } tenant)
        {
            command.Parameters.AddWithValue("tenant", tenant);
        }

        var errors = new Dictionary<string, string[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var field = reader.GetString(1);
            var name = field.Length == 0 ? $"rows[{reader.GetInt32(0)}]" : $"rows[{reader.GetInt32(0)}].{field}";
            errors[name] = [.. errors.GetValueOrDefault(name, []), reader.GetString(2)];
        }

        return errors;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = BatchCommandTimeoutSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
