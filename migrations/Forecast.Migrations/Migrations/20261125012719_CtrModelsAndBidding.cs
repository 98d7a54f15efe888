using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CtrModelsAndBidding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "architecture",
                table: "models",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "m2m");

            // Every model registered before this column was an M2M model; new rows always name their architecture.
            migrationBuilder.Sql("ALTER TABLE models ALTER COLUMN architecture DROP DEFAULT;");

            migrationBuilder.CreateIndex(
                name: "ix_ad_stats_tenant_id_advertiser_id_bucket_start",
                table: "ad_stats",
                columns: new[] { "tenant_id", "advertiser_id", "bucket_start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ad_stats_tenant_id_advertiser_id_bucket_start",
                table: "ad_stats");

            migrationBuilder.DropColumn(
                name: "architecture",
                table: "models");
        }
    }
}
