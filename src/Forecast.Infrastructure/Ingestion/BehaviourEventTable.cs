using Forecast.Application.Ingestion.BehaviourEvents;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Ingestion;

internal sealed class BehaviourEventTable : FactTable<BehaviourEventRow>
{
    public override string Name => "behaviour_events";

    public override string StagingColumns => "event_type text, occurred_at timestamptz, value double precision";

    public override string NaturalKey => "advertiser_ref, event_type, occurred_at, scenario_ref";

    public override string MergeSql => """
        INSERT INTO behaviour_events AS t (tenant_id, advertiser_id, event_type, occurred_at, scenario_id, value)
        SELECT @tenant, a.id, b.event_type, b.occurred_at, s.id, b.value
        FROM batch_rows b
        JOIN advertisers a ON a.tenant_id = @tenant AND a.external_id = b.advertiser_ref
        LEFT JOIN scenarios s ON s.tenant_id = @tenant AND s.key = b.scenario_ref
        ON CONFLICT (tenant_id, advertiser_id, event_type, occurred_at, scenario_id) DO UPDATE
        SET value = excluded.value
        WHERE t.value IS DISTINCT FROM excluded.value
        RETURNING (xmax = 0) AS inserted
        """;

    public override string AdvertiserRef(BehaviourEventRow row) => row.AdvertiserId;

    public override string? ScenarioRef(BehaviourEventRow row) => row.Scenario;

    public override async Task WriteAsync(NpgsqlBinaryImporter importer, BehaviourEventRow row, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(row.EventType, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(row.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteNullableAsync(row.Value, NpgsqlDbType.Double, cancellationToken);
    }
}
