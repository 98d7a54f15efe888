using System.Text.Json;
using Forecast.Application.Ingestion.AdStats;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Ingestion;

internal sealed class AdStatTable : FactTable<AdStatRow>
{
    public override string Name => "ad_stats";

    public override string StagingColumns =>
        "bucket_start timestamptz, bucket_minutes integer, context jsonb, impressions bigint, clicks bigint, conversions bigint, cost numeric";

    public override string NaturalKey => "advertiser_ref, scenario_ref, bucket_start, context";

    public override string MergeSql => """
        INSERT INTO ad_stats AS t (tenant_id, advertiser_id, scenario_id, bucket_start, context, bucket_minutes,
                                   impressions, clicks, conversions, cost)
        SELECT @tenant, a.id, s.id, b.bucket_start, b.context, b.bucket_minutes, b.impressions, b.clicks, b.conversions, b.cost
        FROM batch_rows b
        JOIN advertisers a ON a.tenant_id = @tenant AND a.external_id = b.advertiser_ref
        JOIN scenarios s ON s.tenant_id = @tenant AND s.key = b.scenario_ref
        ON CONFLICT (tenant_id, advertiser_id, scenario_id, bucket_start, context) DO UPDATE
        SET bucket_minutes = excluded.bucket_minutes, impressions = excluded.impressions, clicks = excluded.clicks,
            conversions = excluded.conversions, cost = excluded.cost
        WHERE (t.bucket_minutes, t.impressions, t.clicks, t.conversions, t.cost)
              IS DISTINCT FROM (excluded.bucket_minutes, excluded.impressions, excluded.clicks, excluded.conversions, excluded.cost)
        RETURNING (xmax = 0) AS inserted
        """;

    public override string AdvertiserRef(AdStatRow row) => row.AdvertiserId;

    public override string ScenarioRef(AdStatRow row) => row.Scenario;

    public override async Task WriteAsync(NpgsqlBinaryImporter importer, AdStatRow row, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(row.BucketStart.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(row.BucketMinutes, NpgsqlDbType.Integer, cancellationToken);
        var context = row.Context is { Count: > 0 } fields ? JsonSerializer.Serialize(fields) : "{}";
        await importer.WriteAsync(context, NpgsqlDbType.Jsonb, cancellationToken);
        await importer.WriteAsync(row.Impressions, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(row.Clicks, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteNullableAsync(row.Conversions, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteNullableAsync(row.Cost, NpgsqlDbType.Numeric, cancellationToken);
    }
}
