using Forecast.Api.Tests.Support;
using Forecast.Infrastructure;
using Forecast.Infrastructure.Forecasts;
using Forecast.Infrastructure.Persistence;
using Forecast.Jobs.Training;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forecast.Api.Tests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_again_without_change()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = InfrastructureOn(database);

        await MigrateAsync(services);
        var tables = await database.RowsAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' ORDER BY 1");
        await MigrateAsync(services);

        Assert.Equal(
            ["ad_stats", "advertisers", "api_keys", "auction_outcomes", "audit_events", "behaviour_events", "daily_metrics", "forecast_snapshots", "forecasts", "models", "realized_accuracy", "scenarios", "tenant_days", "tenants", "webhook_deliveries", "webhooks"],
            tables);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForecastDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Every_primary_key_starts_with_the_tenant()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = InfrastructureOn(database);
        await MigrateAsync(services);

        // The operator's own tables are not tenant data: tenants, and the audit trail (which also records tenants' creation).
        var leadingColumns = await database.RowsAsync("""
            SELECT c.conrelid::regclass::text, a.attname
            FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace AND c.conrelid::regclass::text NOT IN ('tenants', 'audit_events', '"__EFMigrationsHistory"')
            ORDER BY 1
            """);

        Assert.Equal(14, leadingColumns.Count);
        Assert.All(leadingColumns, row => Assert.EndsWith("|tenant_id", row));
    }

    [Fact]
    public async Task The_freshness_triggers_announce_exactly_the_tables_declared_to_make_forecasts_stale()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = InfrastructureOn(database);
        await MigrateAsync(services);

        // Per table, the statements whose committed changes are announced (tgtype: 4 insert, 8 delete, 16 update, 32 truncate).
        var announced = await database.RowsAsync("""
            SELECT announced.tbl, string_agg(announced.op, ',' ORDER BY announced.op)
            FROM (SELECT t.tgrelid::regclass::text AS tbl,
                         CASE WHEN t.tgtype & 4 > 0 THEN 'insert' WHEN t.tgtype & 8 > 0 THEN 'delete'
                              WHEN t.tgtype & 16 > 0 THEN 'update' ELSE 'truncate' END AS op
                  FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                  WHERE p.proname = 'notify_forecast_inputs_changed' AND NOT t.tgisinternal) announced
            GROUP BY announced.tbl ORDER BY announced.tbl
            """);

        Assert.Equal(
            ForecastFreshness.AnnouncedTables.Order(StringComparer.Ordinal).Select(table => $"{table}|delete,insert,truncate,update"),
            announced);
        Assert.True(new Forecast.Infrastructure.Ingestion.DailyMetricTable().DecidesForecastFreshness);
        Assert.False(new Forecast.Infrastructure.Ingestion.BehaviourEventTable().DecidesForecastFreshness);
    }

    [Fact]
    public async Task The_vocabulary_migration_renames_the_forecast_kind_and_the_jobs_hangfire_holds_by_type_name()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = InfrastructureOn(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForecastDbContext>().GetService<IMigrator>().MigrateAsync("20261207232249_RobustAsOfDay");
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            PostgreSqlObjectsInstaller.Install(connection, Jobs.DependencyInjection.HangfireSchema);
        }

        var tenant = Guid.NewGuid();
        await database.ScalarAsync("INSERT INTO tenants (id, name, created_at) VALUES ($1, 'before the rename', now())", tenant);
        await database.ScalarAsync("""
            INSERT INTO models (tenant_id, id, kind, architecture, version, status, created_at)
            VALUES ($1, gen_random_uuid(), 'm2m', 'm2m-guarded', 1, 'Champion', now()), ($1, gen_random_uuid(), 'ctr', 'deepfm', 1, 'Champion', now())
            """, tenant);
        await database.ScalarAsync("""
            INSERT INTO hangfire.job (invocationdata, arguments, createdat, statename) VALUES
            ('{"Type": "Forecast.Jobs.Training.TrainM2MJob, Forecast.Jobs", "Method": "RunAsync"}', '[]', now(), 'Enqueued'),
            ('{"Type": "Forecast.Jobs.Ctr.TrainCtrJob, Forecast.Jobs", "Method": "RunAsync"}', '[]', now(), 'Scheduled')
            """);
        await database.ScalarAsync($$"""
            INSERT INTO hangfire.hash (key, field, value) VALUES
            ('recurring-job:train-m2m-{{tenant}}', 'Job', '{"Type":"Forecast.Jobs.Training.TrainM2MJob, Forecast.Jobs"}'),
            ('recurring-job:train-ctr-{{tenant}}', 'Job', '{"Type":"Forecast.Jobs.Ctr.TrainCtrJob, Forecast.Jobs"}');
            INSERT INTO hangfire.set (key, score, value) VALUES ('recurring-jobs', 0, 'train-m2m-{{tenant}}'), ('recurring-jobs', 0, 'train-ctr-{{tenant}}');
            """);

        await MigrateAsync(services);

        Assert.Equal(["ctr", "forecast"], await database.RowsAsync("SELECT kind FROM models ORDER BY kind"));
        Assert.Equal(
            [typeof(TrainCtrJob).FullName!, typeof(TrainForecastModelJob).FullName!],
            await database.RowsAsync("SELECT split_part(invocationdata ->> 'Type', ',', 1) FROM hangfire.job ORDER BY 1"));
        Assert.Equal(
            [$"recurring-job:train-ctr-{tenant}|{typeof(TrainCtrJob).FullName}", $"recurring-job:train-forecast-{tenant}|{typeof(TrainForecastModelJob).FullName}"],
            await database.RowsAsync("SELECT key, split_part(value::jsonb ->> 'Type', ',', 1) FROM hangfire.hash ORDER BY key"));
        Assert.Equal([$"train-ctr-{tenant}", $"train-forecast-{tenant}"], await database.RowsAsync("SELECT value FROM hangfire.set ORDER BY value"));
    }

    private static ServiceProvider InfrastructureOn(TestDatabase database) =>
        new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Forecast"] = database.ConnectionString })
                .Build())
            .BuildServiceProvider();

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForecastDbContext>().Database.MigrateAsync();
    }
}
