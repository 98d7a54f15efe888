using System.Text.Json;
using Forecast.Application.Accuracy;
using Forecast.Application.Forecasts;
using Forecast.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Forecasts;

/// <summary>
/// Realized accuracy in plain SQL: the horizon's actuals and the week before are summed by PostgreSQL next to each
/// snapshot (days without a row count as zero: an advertiser that stopped delivering is what churn means).
/// </summary>
internal sealed class NpgsqlForecastAccuracyStore(NpgsqlDataSource dataSource, TimeProvider clock) : IForecastAccuracyStore
{
    public async Task<IReadOnlyList<DueForecasts>> DueAsync(Guid tenantId, DateOnly latestDay, int lookbackDays, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var due = new List<DueForecasts>();
        await foreach (var row in NpgsqlQueries.QueryAsync(connection, """
            SELECT s.model_id, s.as_of, max(s.created_at) FROM forecast_snapshots s
            WHERE s.tenant_id = $1 AND s.as_of >= $2 AND s.as_of + s.horizon_days <= $3
              AND NOT EXISTS (SELECT 1 FROM realized_accuracy r WHERE r.tenant_id = $1 AND r.model_id = s.model_id AND r.as_of = s.as_of)
            GROUP BY s.model_id, s.as_of
            ORDER BY s.as_of, s.model_id
            """, cancellationToken, tenantId, latestDay.AddDays(-lookbackDays), latestDay))
        {
            due.Add(new DueForecasts(row.GetGuid(0), row.GetFieldValue<DateOnly>(1), row.GetFieldValue<DateTimeOffset>(2)));
        }

        return due;
    }

    public async Task<IReadOnlyList<ForecastOutcome>> OutcomesAsync(Guid tenantId, DueForecasts forecasts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var outcomes = new List<ForecastOutcome>();
        await foreach (var row in NpgsqlQueries.QueryAsync(connection, """
            SELECT sc.key, s.horizon_days, s.churn_probability, s.tasks::text,
                   coalesce(sum(m.impressions) FILTER (WHERE m.date > s.as_of), 0)::float8,
                   coalesce(sum(m.clicks) FILTER (WHERE m.date > s.as_of), 0)::float8,
                   sum(m.spend) FILTER (WHERE m.date > s.as_of)::float8,
                   count(*) FILTER (WHERE m.date > s.as_of AND (m.impressions > 0 OR m.clicks > 0 OR m.spend > 0 OR m.conversions > 0))::int,
                   coalesce(sum(m.impressions) FILTER (WHERE m.date <= s.as_of), 0)::float8,
                   coalesce(sum(m.clicks) FILTER (WHERE m.date <= s.as_of), 0)::float8,
                   sum(m.spend) FILTER (WHERE m.date <= s.as_of)::float8,
                   count(*) FILTER (WHERE m.date <= s.as_of AND (m.impressions > 0 OR m.clicks > 0 OR m.spend > 0 OR m.conversions > 0))::int
            FROM forecast_snapshots s
            JOIN scenarios sc ON sc.tenant_id = s.tenant_id AND sc.id = s.scenario_id
            LEFT JOIN daily_metrics m ON m.tenant_id = s.tenant_id AND m.advertiser_id = s.advertiser_id AND m.scenario_id = s.scenario_id
                 AND m.date > s.as_of - 7 AND m.date <= s.as_of + s.horizon_days
            WHERE s.tenant_id = $1 AND s.model_id = $2 AND s.as_of = $3
            GROUP BY s.tenant_id, s.model_id, s.as_of, s.advertiser_id, s.scenario_id, sc.key
            """, cancellationToken, tenantId, forecasts.ModelId, forecasts.AsOf))
        {
            var tasks = JsonSerializer.Deserialize<Dictionary<string, TaskForecastDto>>(row.GetString(3), JsonSerializerOptions.Web) ?? [];
            outcomes.Add(new ForecastOutcome(
                row.GetString(0),
                row.GetInt32(1),
                row.GetDouble(2),
                tasks,
                new ChannelTotals(row.GetDouble(4), row.GetDouble(5), row.IsDBNull(6) ? null : row.GetDouble(6), row.GetInt32(7)),
                new ChannelTotals(row.GetDouble(8), row.GetDouble(9), row.IsDBNull(10) ? null : row.GetDouble(10), row.GetInt32(11))));
        }

        return outcomes;
    }

    public async Task WriteAsync(
        Guid tenantId, DueForecasts forecasts, IReadOnlyDictionary<(string Scenario, string Task), AccuracySums> sums, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var delete = new NpgsqlBatchCommand("DELETE FROM realized_accuracy WHERE tenant_id = $1 AND model_id = $2 AND as_of = $3");
        delete.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        delete.Parameters.Add(new NpgsqlParameter { Value = forecasts.ModelId });
        delete.Parameters.Add(new NpgsqlParameter { Value = forecasts.AsOf });
        batch.BatchCommands.Add(delete);
        var now = clock.GetUtcNow();
        foreach (var ((scenario, task), total) in sums)
        {
            // Count tasks fill the error sums, churn the Brier sums; the other columns stay NULL.
            var count = task != AccuracyTasks.Churn;
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO realized_accuracy (tenant_id, model_id, as_of, scenario_id, task, pairs, smape_sum, absolute_error_sum, actual_sum, covered,
                                               naive_smape_sum, naive_absolute_error_sum, brier_sum, naive_brier_sum, issued_at, evaluated_at)
                SELECT $1, $2, $3, s.id, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16 FROM scenarios s WHERE s.tenant_id = $1 AND s.key = $4
                """);
            foreach (var value in new object[] { tenantId, forecasts.ModelId, forecasts.AsOf, scenario, task, total.Pairs })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            insert.Parameters.Add(Sum(count ? total.SmapeSum : null));
            insert.Parameters.Add(Sum(count ? total.AbsoluteErrorSum : null));
            insert.Parameters.Add(Sum(count ? total.ActualSum : null));
            insert.Parameters.Add(new NpgsqlParameter { Value = count ? total.Covered : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            insert.Parameters.Add(Sum(count ? total.NaiveSmapeSum : null));
            insert.Parameters.Add(Sum(count ? total.NaiveAbsoluteErrorSum : null));
            insert.Parameters.Add(Sum(count ? null : total.BrierSum));
            insert.Parameters.Add(Sum(count ? null : total.NaiveBrierSum));
            insert.Parameters.Add(new NpgsqlParameter { Value = forecasts.IssuedAt });
            insert.Parameters.Add(new NpgsqlParameter { Value = now });
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A sum column, typed so that a NULL binds too.</summary>
    private static NpgsqlParameter Sum(double? value) => new() { Value = value is { } sum ? sum : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double };

    public async Task<IReadOnlyList<AccuracyRow>> ReadAsync(
        Guid tenantId, Guid? modelId, DateOnly? from, DateOnly? to, string? scenario, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var filters = "";
        if (modelId is not null) filters += $" AND r.model_id = {NpgsqlQueries.Bind(command.Parameters, modelId.Value)}";
        if (from is not null) filters += $" AND r.as_of >= {NpgsqlQueries.Bind(command.Parameters, from.Value)}";
        if (to is not null) filters += $" AND r.as_of <= {NpgsqlQueries.Bind(command.Parameters, to.Value)}";
        if (scenario is not null) filters += $" AND s.key = {NpgsqlQueries.Bind(command.Parameters, scenario)}";
        // The version comes from the registry while the model is kept there; a pruned model's accuracy stays, as version 0.
        command.CommandText = $"""
            SELECT r.model_id, coalesce(m.version, 0), r.as_of, r.issued_at, s.key, r.task, r.pairs,
                   coalesce(r.smape_sum, 0), coalesce(r.absolute_error_sum, 0), coalesce(r.actual_sum, 0), coalesce(r.covered, 0),
                   coalesce(r.naive_smape_sum, 0), coalesce(r.naive_absolute_error_sum, 0), coalesce(r.brier_sum, 0), coalesce(r.naive_brier_sum, 0)
            FROM realized_accuracy r
            JOIN scenarios s ON s.tenant_id = r.tenant_id AND s.id = r.scenario_id
            LEFT JOIN models m ON m.tenant_id = r.tenant_id AND m.id = r.model_id
            WHERE r.tenant_id = $1{filters}
            ORDER BY r.as_of, s.key, r.task
            """;
        var rows = new List<AccuracyRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AccuracyRow(
                reader.GetGuid(0), reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetString(5),
                new AccuracySums(reader.GetInt32(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetInt32(10),
                    reader.GetDouble(11), reader.GetDouble(12), reader.GetDouble(13), reader.GetDouble(14))));
        }

        return rows;
    }

    public async Task<int> PruneSnapshotsAsync(Guid tenantId, DateOnly before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM forecast_snapshots WHERE tenant_id = $1 AND as_of < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = before });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
