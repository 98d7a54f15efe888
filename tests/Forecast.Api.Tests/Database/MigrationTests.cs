using Forecast.Api.Tests.Support;
using Forecast.Infrastructure;
using Forecast.Infrastructure.Forecasting;
using Forecast.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Database;

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
