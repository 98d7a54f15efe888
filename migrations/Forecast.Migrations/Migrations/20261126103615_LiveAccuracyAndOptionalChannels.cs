using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class LiveAccuracyAndOptionalChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "drift_detected_on",
                table: "models",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "drift_reason",
                table: "models",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "drift_retraining_job",
                table: "models",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "impressions",
                table: "daily_metrics",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<long>(
                name: "clicks",
                table: "daily_metrics",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.CreateTable(
                name: "forecast_snapshots",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    advertiser_id = table.Column<long>(type: "bigint", nullable: false),
                    scenario_id = table.Column<int>(type: "integer", nullable: false),
                    horizon_days = table.Column<int>(type: "integer", nullable: false),
                    model_version = table.Column<int>(type: "integer", nullable: false),
                    churn_probability = table.Column<double>(type: "double precision", nullable: false),
                    tasks = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forecast_snapshots", x => new { x.tenant_id, x.model_id, x.as_of, x.advertiser_id, x.scenario_id });
                    table.ForeignKey(
                        name: "fk_forecast_snapshots_advertisers_tenant_id_advertiser_id",
                        columns: x => new { x.tenant_id, x.advertiser_id },
                        principalTable: "advertisers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_forecast_snapshots_scenarios_tenant_id_scenario_id",
                        columns: x => new { x.tenant_id, x.scenario_id },
                        principalTable: "scenarios",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "realized_accuracy",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    scenario_id = table.Column<int>(type: "integer", nullable: false),
                    task = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    pairs = table.Column<int>(type: "integer", nullable: false),
                    smape_sum = table.Column<double>(type: "double precision", nullable: true),
                    absolute_error_sum = table.Column<double>(type: "double precision", nullable: true),
                    actual_sum = table.Column<double>(type: "double precision", nullable: true),
                    covered = table.Column<int>(type: "integer", nullable: true),
                    naive_smape_sum = table.Column<double>(type: "double precision", nullable: true),
                    naive_absolute_error_sum = table.Column<double>(type: "double precision", nullable: true),
                    brier_sum = table.Column<double>(type: "double precision", nullable: true),
                    naive_brier_sum = table.Column<double>(type: "double precision", nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_realized_accuracy", x => new { x.tenant_id, x.model_id, x.as_of, x.scenario_id, x.task });
                    table.ForeignKey(
                        name: "fk_realized_accuracy_scenarios_tenant_id_scenario_id",
                        columns: x => new { x.tenant_id, x.scenario_id },
                        principalTable: "scenarios",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forecast_snapshots_tenant_id_advertiser_id_as_of",
                table: "forecast_snapshots",
                columns: new[] { "tenant_id", "advertiser_id", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_forecast_snapshots_tenant_id_as_of",
                table: "forecast_snapshots",
                columns: new[] { "tenant_id", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_forecast_snapshots_tenant_id_scenario_id",
                table: "forecast_snapshots",
                columns: new[] { "tenant_id", "scenario_id" });

            migrationBuilder.CreateIndex(
                name: "ix_realized_accuracy_tenant_id_as_of",
                table: "realized_accuracy",
                columns: new[] { "tenant_id", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_realized_accuracy_tenant_id_scenario_id",
                table: "realized_accuracy",
                columns: new[] { "tenant_id", "scenario_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecast_snapshots");

            migrationBuilder.DropTable(
                name: "realized_accuracy");

            migrationBuilder.DropColumn(
                name: "drift_detected_on",
                table: "models");

            migrationBuilder.DropColumn(
                name: "drift_reason",
                table: "models");

            migrationBuilder.DropColumn(
                name: "drift_retraining_job",
                table: "models");

            migrationBuilder.AlterColumn<long>(
                name: "impressions",
                table: "daily_metrics",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "clicks",
                table: "daily_metrics",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
