using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Application.Ingestion.DailyMetrics;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Bench.Ingestion;

/// <summary>
/// A tenant made through the admin API, with its advertisers and scenarios. Set-up is not what is measured, so the
/// tens of thousands of advertisers are copied in directly rather than upserted one request at a time.
/// </summary>
internal sealed record BenchTenant(
    Guid Id, string ApiKey, IReadOnlyDictionary<string, long> AdvertiserIds, IReadOnlyDictionary<string, int> ScenarioIds)
{
    public static Task<BenchTenant> CreateAsync(
        HttpClient admin, NpgsqlDataSource dataSource, string name, IReadOnlyList<DailyMetricRow> rows, CancellationToken cancellationToken) =>
        CreateAsync(
            admin,
            dataSource,
            name,
            rows.Select(row => row.Scenario).Distinct().ToDictionary(key => key, _ => NoAttributes),
            rows.Select(row => row.AdvertiserId).Distinct().ToDictionary(id => id, _ => NoAttributes),
            cancellationToken);

    /// <summary>A tenant with these scenarios and advertisers, each with its attributes (scenario) or profile (advertiser).</summary>
    public static async Task<BenchTenant> CreateAsync(
        HttpClient admin,
        NpgsqlDataSource dataSource,
        string name,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> scenarios,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> advertisers,
        CancellationToken cancellationToken)
    {
        var response = await admin.PostAsJsonAsync("/v1/tenants", new { name }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var tenant = (await response.Content.ReadFromJsonAsync<CreatedTenant>(cancellationToken))!;
        using var client = new HttpClient { BaseAddress = admin.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.ApiKey);
        foreach (var (scenario, attributes) in scenarios)
        {
            (await client.PutAsJsonAsync($"/v1/scenarios/{scenario}", new { name = scenario, attributes }, cancellationToken)).EnsureSuccessStatusCode();
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY advertisers (tenant_id, external_id, name, profile, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (id, profile) in advertisers)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(tenant.Id, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(JsonSerializer.Serialize(profile), NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Copied in at once rather than upserted one by one: the planner should know them as autovacuum soon would.
        await using (var analyze = dataSource.CreateCommand("ANALYZE advertisers"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return new BenchTenant(
            tenant.Id,
            tenant.ApiKey,
            await ReadIdsAsync<long>(dataSource, "SELECT external_id, id FROM advertisers WHERE tenant_id = $1", tenant.Id, cancellationToken),
            await ReadIdsAsync<int>(dataSource, "SELECT key, id FROM scenarios WHERE tenant_id = $1", tenant.Id, cancellationToken));
    }

    private static async Task<Dictionary<string, T>> ReadIdsAsync<T>(
        NpgsqlDataSource dataSource, string sql, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var ids = new Dictionary<string, T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(0)] = reader.GetFieldValue<T>(1);
        }

        return ids;
    }

    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    private sealed record CreatedTenant(Guid Id, string ApiKey);
}
