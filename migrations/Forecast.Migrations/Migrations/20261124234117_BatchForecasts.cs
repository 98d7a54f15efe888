using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class BatchForecasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forecasts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    advertiser_id = table.Column<long>(type: "bigint", nullable: false),
                    scenario_id = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    horizon_days = table.Column<int>(type: "integer", nullable: false),
                    model_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model_version = table.Column<int>(type: "integer", nullable: false),
                    churn_probability = table.Column<double>(type: "double precision", nullable: false),
                    tasks = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forecasts", x => new { x.tenant_id, x.advertiser_id, x.scenario_id });
                    table.ForeignKey(
                        name: "fk_forecasts_advertisers_tenant_id_advertiser_id",
                        columns: x => new { x.tenant_id, x.advertiser_id },
                        principalTable: "advertisers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_forecasts_scenarios_tenant_id_scenario_id",
                        columns: x => new { x.tenant_id, x.scenario_id },
                        principalTable: "scenarios",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forecasts_tenant_id_scenario_id",
                table: "forecasts",
                columns: new[] { "tenant_id", "scenario_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecasts");
        }
    }
}
