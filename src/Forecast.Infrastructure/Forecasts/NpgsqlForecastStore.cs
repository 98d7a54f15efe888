using System.Runtime.CompilerServices;
using System.Text.Json;
using Forecast.Application.Forecasts;
using Forecast.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Forecasts;

/// <summary>
/// The forecasts table: replaced whole per tenant by binary COPY, read back fresh rows only; each replacement is also
/// kept in the snapshots table under its model and day.
/// </summary>
internal sealed class NpgsqlForecastStore(NpgsqlDataSource dataSource, TimeProvider clock) : IForecastStore
{
    public async Task ReplaceAsync(Guid tenantId, IReadOnlyList<StoredScenarioForecast> forecasts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var staging = new NpgsqlCommand(
            "CREATE TEMP TABLE scored (advertiser_ref text, scenario_ref text, as_of date, horizon_days int, model_id uuid, model_version int, churn_probability double precision, tasks jsonb) ON COMMIT DROP",
            connection))
        {
            await staging.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY scored FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in forecasts)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.AdvertiserId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Forecast.Scenario, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.AsOf, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(row.HorizonDays, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.ModelId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(row.ModelVersion, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.Forecast.ChurnProbability, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(JsonSerializer.Serialize(row.Forecast.Tasks, JsonSerializerOptions.Web), NpgsqlDbType.Jsonb, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM forecasts WHERE tenant_id = $1", connection))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var replace = new NpgsqlCommand("""
            INSERT INTO forecasts (tenant_id, advertiser_id, scenario_id, as_of, horizon_days, model_id, model_version, churn_probability, tasks, created_at)
            SELECT $1, a.id, s.id, f.as_of, f.horizon_days, f.model_id, f.model_version, f.churn_probability, f.tasks, $2
            FROM scored f
            JOIN advertisers a ON a.tenant_id = $1 AND a.external_id = f.advertiser_ref
            JOIN scenarios s ON s.tenant_id = $1 AND s.key = f.scenario_ref
            """, connection))
        {
            replace.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            replace.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            await replace.ExecuteNonQueryAsync(cancellationToken);
        }

        // A day scored again by the same model (a correction batch) replaces that day's snapshot.
        await using (var snapshot = new NpgsqlCommand("""
            INSERT INTO forecast_snapshots (tenant_id, model_id, as_of, advertiser_id, scenario_id, horizon_days, model_version, churn_probability, tasks, created_at)
            SELECT tenant_id, model_id, as_of, advertiser_id, scenario_id, horizon_days, model_version, churn_probability, tasks, created_at
            FROM forecasts WHERE tenant_id = $1
            ON CONFLICT (tenant_id, model_id, as_of, advertiser_id, scenario_id) DO UPDATE
            SET churn_probability = excluded.churn_probability, tasks = excluded.tasks, created_at = excluded.created_at
            """, connection))
        {
            snapshot.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            await snapshot.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<(string AdvertiserId, string Scenario), double>> ReadChurnAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.external_id, s.key, f.churn_probability
            FROM forecasts f
            JOIN advertisers a ON a.tenant_id = f.tenant_id AND a.id = f.advertiser_id
            JOIN scenarios s ON s.tenant_id = f.tenant_id AND s.id = f.scenario_id
            WHERE f.tenant_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var churn = new Dictionary<(string, string), double>();
        while (await reader.ReadAsync(cancellationToken))
        {
            churn[(reader.GetString(0), reader.GetString(1))] = reader.GetDouble(2);
        }

        return churn;
    }

    /// <summary>A stored forecast of the champion ($2) from the tenant's as-of day.</summary>
    private static readonly string Fresh = $"f.model_id = $2 AND f.as_of = ({TenantAsOfDay.Sql})";

    public async Task<IReadOnlyList<StoredScenarioForecast>> ReadFreshAsync(
        Guid tenantId, Guid modelId, IReadOnlyCollection<string>? advertiserIds, string? scenario, CancellationToken cancellationToken)
    {
        // Filters only when asked for: a prepared "($3 IS NULL OR …)" gets a generic plan that scans the tenant's rows.
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        var scenarioFilter = scenario is null ? "" : $" AND s.key = {NpgsqlQueries.Bind(command.Parameters, scenario)}";
        // Some advertisers: found first, then their rows by key. A lateral subquery (OFFSET 0 keeps the planner from
        // flattening it) makes that order hold whatever the statistics say: the table is replaced by every scoring run,
        // and with statistics from before a replacement the generic plan of a join scanned the tenant's rows
        // (docs/decisions/013-single-advertiser-reads-keep-a-generic-plan.md).
        command.CommandText = advertiserIds is not null
            ? $"""
                SELECT a.external_id, s.key, f.as_of, f.horizon_days, f.model_id, f.model_version, f.churn_probability, f.tasks::text
                FROM advertisers a
                CROSS JOIN LATERAL (SELECT * FROM forecasts f WHERE f.tenant_id = a.tenant_id AND f.advertiser_id = a.id AND {Fresh} OFFSET 0) f
                JOIN scenarios s ON s.tenant_id = f.tenant_id AND s.id = f.scenario_id
                WHERE a.tenant_id = $1 AND {NpgsqlQueries.EqualsAny(command.Parameters, "a.external_id", advertiserIds)}{scenarioFilter}
                ORDER BY a.external_id, s.key
                """
            : WholeTenantSql(scenarioFilter);
        return await ReadRowsAsync(command, cancellationToken);
    }

    public async IAsyncEnumerable<StoredScenarioForecast> StreamFreshAsync(
        Guid tenantId, Guid modelId, string? scenario, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.CommandText = WholeTenantSql(scenario is null ? "" : $" AND s.key = {NpgsqlQueries.Bind(command.Parameters, scenario)}");
        // Npgsql reads the result as the caller consumes it; nothing here holds more than one row.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return RowOf(reader);
        }
    }

    private static string WholeTenantSql(string scenarioFilter) => $"""
        SELECT a.external_id, s.key, f.as_of, f.horizon_days, f.model_id, f.model_version, f.churn_probability, f.tasks::text
        FROM forecasts f
        JOIN advertisers a ON a.tenant_id = f.tenant_id AND a.id = f.advertiser_id
        JOIN scenarios s ON s.tenant_id = f.tenant_id AND s.id = f.scenario_id
        WHERE f.tenant_id = $1 AND {Fresh}{scenarioFilter}
        ORDER BY a.external_id, s.key
        """;

    public async Task<IReadOnlyList<StoredScenarioForecast>> ReadSnapshotAsync(
        Guid tenantId, string advertiserId, DateOnly asOf, string? scenario, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = advertiserId });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        var filter = scenario is null ? "" : $" AND s.key = {NpgsqlQueries.Bind(command.Parameters, scenario)}";
        // The model that scored the day last: a day scored before and after a promotion keeps both models' snapshots.
        command.CommandText = $"""
            SELECT a.external_id, s.key, f.as_of, f.horizon_days, f.model_id, f.model_version, f.churn_probability, f.tasks::text
            FROM advertisers a
            JOIN forecast_snapshots f ON f.tenant_id = a.tenant_id AND f.advertiser_id = a.id AND f.as_of = $3
            JOIN scenarios s ON s.tenant_id = f.tenant_id AND s.id = f.scenario_id
            WHERE a.tenant_id = $1 AND a.external_id = $2{filter}
              AND f.model_id = (SELECT latest.model_id FROM forecast_snapshots latest
                                WHERE latest.tenant_id = $1 AND latest.advertiser_id = a.id AND latest.as_of = $3
                                ORDER BY latest.created_at DESC LIMIT 1)
            ORDER BY s.key
            """;
        return await ReadRowsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredScenarioForecast>> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredScenarioForecast>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(RowOf(reader));
        }

        return rows;
    }

    private static StoredScenarioForecast RowOf(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3), reader.GetGuid(4), reader.GetInt32(5),
        new ScenarioForecastDto(
            reader.GetString(1),
            reader.GetDouble(6),
            JsonSerializer.Deserialize<Dictionary<string, TaskForecastDto>>(reader.GetString(7), JsonSerializerOptions.Web) ?? []));
}
