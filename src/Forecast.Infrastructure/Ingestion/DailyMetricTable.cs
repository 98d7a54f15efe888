using Forecast.Application.Ingestion.DailyMetrics;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Ingestion;

internal sealed class DailyMetricTable : FactTable<DailyMetricRow>
{
    public override string Name => "daily_metrics";

    public override string StagingColumns => "date date, impressions bigint, clicks bigint, spend numeric, conversions bigint";

    public override string NaturalKey => "advertiser_ref, scenario_ref, date";

    public override string MergeSql => """
        INSERT INTO daily_metrics AS t (tenant_id, advertiser_id, scenario_id, date, impressions, clicks, spend, conversions)
        SELECT @tenant, a.id, s.id, b.date, b.impressions, b.clicks, b.spend, b.conversions
        FROM batch_rows b
        JOIN advertisers a ON a.tenant_id = @tenant AND a.external_id = b.advertiser_ref
        JOIN scenarios s ON s.tenant_id = @tenant AND s.key = b.scenario_ref
        ON CONFLICT (tenant_id, advertiser_id, scenario_id, date) DO UPDATE
        SET impressions = excluded.impressions, clicks = excluded.clicks, spend = excluded.spend,
            conversions = excluded.conversions
        WHERE (t.impressions, t.clicks, t.spend, t.conversions)
              IS DISTINCT FROM (excluded.impressions, excluded.clicks, excluded.spend, excluded.conversions)
        RETURNING (xmax = 0) AS inserted
        """;

    public override string AdvertiserRef(DailyMetricRow row) => row.AdvertiserId;

    public override string ScenarioRef(DailyMetricRow row) => row.Scenario;

    public override async Task WriteAsync(NpgsqlBinaryImporter importer, DailyMetricRow row, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(row.Date, NpgsqlDbType.Date, cancellationToken);
        await importer.WriteNullableAsync(row.Impressions, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteNullableAsync(row.Clicks, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteNullableAsync(row.Spend, NpgsqlDbType.Numeric, cancellationToken);
        await importer.WriteNullableAsync(row.Conversions, NpgsqlDbType.Bigint, cancellationToken);
    }
}
