using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Migrations.Migrations
{
    /// <summary>
    /// Announces on the forecast_inputs_changed channel every committed change to what decides whether a tenant's
    /// stored forecasts are fresh (its daily metrics, its forecasts table): the payload is the tenant id, or empty after a
    /// TRUNCATE (every tenant). Serving instances drop the forecasts they keep in memory for that tenant. Statement-level
    /// triggers with transition tables: one notification per tenant and statement, whatever the batch's size.
    /// </summary>
    public partial class ForecastFreshnessNotifications : Migration
    {
        private static readonly string[] Tables = ["daily_metrics", "forecasts"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_forecast_inputs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('forecast_inputs_changed', '');
                    ELSE
                        PERFORM pg_notify('forecast_inputs_changed', changed.tenant_id::text)
                        FROM (SELECT DISTINCT tenant_id FROM changed_rows) changed;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_inserted AFTER INSERT ON {table} REFERENCING NEW TABLE AS changed_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_forecast_inputs_changed();
                    CREATE TRIGGER {table}_updated AFTER UPDATE ON {table} REFERENCING NEW TABLE AS changed_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_forecast_inputs_changed();
                    CREATE TRIGGER {table}_deleted AFTER DELETE ON {table} REFERENCING OLD TABLE AS changed_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_forecast_inputs_changed();
                    CREATE TRIGGER {table}_truncated AFTER TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_forecast_inputs_changed();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_inserted ON {table};
                    DROP TRIGGER {table}_updated ON {table};
                    DROP TRIGGER {table}_deleted ON {table};
                    DROP TRIGGER {table}_truncated ON {table};
                    """);
            }

            migrationBuilder.Sql("DROP FUNCTION notify_forecast_inputs_changed();");
        }
    }
}
