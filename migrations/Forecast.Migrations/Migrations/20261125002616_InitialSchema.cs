using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Forecast.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "advertisers",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    external_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    profile = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advertisers", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_advertisers_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    hint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_api_keys_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "models",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    promoted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    trained_through = table.Column<DateOnly>(type: "date", nullable: true),
                    data_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    hyper_parameters = table.Column<string>(type: "jsonb", nullable: true),
                    metrics = table.Column<string>(type: "jsonb", nullable: true),
                    artifact = table.Column<byte[]>(type: "bytea", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_models", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_models_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attributes = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scenarios", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_scenarios_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ad_stats",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    advertiser_id = table.Column<long>(type: "bigint", nullable: false),
                    scenario_id = table.Column<int>(type: "integer", nullable: false),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    context = table.Column<string>(type: "jsonb", nullable: false),
                    bucket_minutes = table.Column<int>(type: "integer", nullable: false),
                    impressions = table.Column<long>(type: "bigint", nullable: false),
                    clicks = table.Column<long>(type: "bigint", nullable: false),
                    conversions = table.Column<long>(type: "bigint", nullable: true),
                    cost = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ad_stats", x => new { x.tenant_id, x.advertiser_id, x.scenario_id, x.bucket_start, x.context });
                    table.ForeignKey(
                        name: "fk_ad_stats_advertisers_tenant_id_advertiser_id",
                        columns: x => new { x.tenant_id, x.advertiser_id },
                        principalTable: "advertisers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ad_stats_scenarios_tenant_id_scenario_id",
                        columns: x => new { x.tenant_id, x.scenario_id },
                        principalTable: "scenarios",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auction_outcomes",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    auction_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    scenario_id = table.Column<int>(type: "integer", nullable: false),
                    advertiser_id = table.Column<long>(type: "bigint", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bid = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    market_price = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    won = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auction_outcomes", x => new { x.tenant_id, x.auction_id });
                    table.ForeignKey(
                        name: "fk_auction_outcomes_advertisers_tenant_id_advertiser_id",
                        columns: x => new { x.tenant_id, x.advertiser_id },
                        principalTable: "advertisers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_auction_outcomes_scenarios_tenant_id_scenario_id",
                        columns: x => new { x.tenant_id, x.scenario_id },
                        principalTable: "scenarios",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "behaviour_events",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    advertiser_id = table.Column<long>(type: "bigint", nullable: false),
                    scenario_id = table.Column<int>(type: "integer", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_behaviour_events", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_behaviour_events_advertisers_tenant_id_advertiser_id",
                        columns: x => new { x.tenant_id, x.advertiser_id },
                        principalTable: "advertisers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_behaviour_events_scenarios_tenant_id_scenario_id",
                        columns: x => new { x.tenant_id, x.scenario_id },
                        principalTable: "scenarios",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "daily_metrics",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    advertiser_id = table.Column<long>(type: "bigint", nullable: false),
                    scenario_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    spend = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    impressions = table.Column<long>(type: "bigint", nullable: false),
                    clicks = table.Column<long>(type: "bigint", nullable: false),
                    conversions = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_metrics", x => new { x.tenant_id, x.advertiser_id, x.scenario_id, x.date });
                    table.ForeignKey(
                        name: "fk_daily_metrics_advertisers_tenant_id_advertiser_id",
                        columns: x => new { x.tenant_id, x.advertiser_id },
                        principalTable: "advertisers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_daily_metrics_scenarios_tenant_id_scenario_id",
                        columns: x => new { x.tenant_id, x.scenario_id },
                        principalTable: "scenarios",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ix_ad_stats_tenant_id_scenario_id",
                table: "ad_stats",
                columns: new[] { "tenant_id", "scenario_id" });

            migrationBuilder.CreateIndex(
                name: "ix_advertisers_tenant_id_external_id",
                table: "advertisers",
                columns: new[] { "tenant_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_auction_outcomes_tenant_id_advertiser_id",
                table: "auction_outcomes",
                columns: new[] { "tenant_id", "advertiser_id" });

            migrationBuilder.CreateIndex(
                name: "ix_auction_outcomes_tenant_id_scenario_id_occurred_at",
                table: "auction_outcomes",
                columns: new[] { "tenant_id", "scenario_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_behaviour_events_tenant_id_scenario_id",
                table: "behaviour_events",
                columns: new[] { "tenant_id", "scenario_id" });

            migrationBuilder.CreateIndex(
                name: "ux_behaviour_events_natural_key",
                table: "behaviour_events",
                columns: new[] { "tenant_id", "advertiser_id", "event_type", "occurred_at", "scenario_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_daily_metrics_tenant_id_date",
                table: "daily_metrics",
                columns: new[] { "tenant_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_metrics_tenant_id_scenario_id",
                table: "daily_metrics",
                columns: new[] { "tenant_id", "scenario_id" });

            migrationBuilder.CreateIndex(
                name: "ix_forecasts_tenant_id_scenario_id",
                table: "forecasts",
                columns: new[] { "tenant_id", "scenario_id" });

            migrationBuilder.CreateIndex(
                name: "ix_models_tenant_id_kind_version",
                table: "models",
                columns: new[] { "tenant_id", "kind", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_models_one_champion",
                table: "models",
                columns: new[] { "tenant_id", "kind" },
                unique: true,
                filter: "status = 'Champion'");

            migrationBuilder.CreateIndex(
                name: "ix_scenarios_tenant_id_key",
                table: "scenarios",
                columns: new[] { "tenant_id", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ad_stats");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "auction_outcomes");

            migrationBuilder.DropTable(
                name: "behaviour_events");

            migrationBuilder.DropTable(
                name: "daily_metrics");

            migrationBuilder.DropTable(
                name: "forecasts");

            migrationBuilder.DropTable(
                name: "models");

            migrationBuilder.DropTable(
                name: "advertisers");

            migrationBuilder.DropTable(
                name: "scenarios");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
