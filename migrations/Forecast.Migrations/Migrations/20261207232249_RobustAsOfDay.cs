using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Migrations.Migrations
{
    /// <summary>
    /// Keeps tenant_days, the number of daily-metrics rows (series) per tenant and day, from which the tenant's as-of
    /// day is read in a handful of rows (Forecast.Infrastructure's TenantAsOfDay). Statement-level triggers with
    /// transition tables: one update per day a statement touches, whatever the batch's size; rows only change day by
    /// being deleted and inserted (the day is in the key), so updates leave the counts as they are.
    /// </summary>
    public partial class RobustAsOfDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE tenant_days (
                    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                    date date NOT NULL,
                    series integer NOT NULL,
                    PRIMARY KEY (tenant_id, date));
                INSERT INTO tenant_days (tenant_id, date, series)
                SELECT tenant_id, date, count(*) FROM daily_metrics GROUP BY tenant_id, date;

                CREATE FUNCTION count_tenant_days() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        -- In key order: two batches of a tenant lock its days in the same order, never each other's first.
                        INSERT INTO tenant_days AS d (tenant_id, date, series)
                        SELECT tenant_id, date, count(*) FROM changed_rows GROUP BY tenant_id, date ORDER BY tenant_id, date
                        ON CONFLICT (tenant_id, date) DO UPDATE SET series = d.series + excluded.series;
                    ELSIF TG_OP = 'DELETE' THEN
                        UPDATE tenant_days d SET series = d.series - gone.series
                        FROM (SELECT tenant_id, date, count(*) AS series FROM changed_rows GROUP BY tenant_id, date) gone
                        WHERE d.tenant_id = gone.tenant_id AND d.date = gone.date;
                        DELETE FROM tenant_days d USING (SELECT DISTINCT tenant_id, date FROM changed_rows) gone
                        WHERE d.tenant_id = gone.tenant_id AND d.date = gone.date AND d.series <= 0;
                    ELSE
                        TRUNCATE tenant_days;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER daily_metrics_counted_in AFTER INSERT ON daily_metrics REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_days();
                CREATE TRIGGER daily_metrics_counted_out AFTER DELETE ON daily_metrics REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_days();
                CREATE TRIGGER daily_metrics_counted_away AFTER TRUNCATE ON daily_metrics
                    FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_days();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER daily_metrics_counted_in ON daily_metrics;
                DROP TRIGGER daily_metrics_counted_out ON daily_metrics;
                DROP TRIGGER daily_metrics_counted_away ON daily_metrics;
                DROP FUNCTION count_tenant_days();
                DROP TABLE tenant_days;
                """);
        }
    }
}
