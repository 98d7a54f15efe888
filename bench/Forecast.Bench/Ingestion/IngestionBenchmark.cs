using System.Diagnostics;
using Forecast.Application.Ingestion.DailyMetrics;
using Npgsql;
using NpgsqlTypes;

namespace Forecast.Bench.Ingestion;

/// <summary>
/// Rows/s of POST /v1/ingest/daily-metrics (JSON, 50,000-row batches, one client) against a raw binary COPY of the
/// same rows into the same indexed table, in the same run. The COPY runs first, so the HTTP path writes into the larger
/// index: the ratio errs against the service.
/// </summary>
internal static class IngestionBenchmark
{
    private const int Rows = 1_000_000;

    public static async Task<int> RunAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var rows = await RealDailyMetrics.ReplicateAsync(Rows);
        using var admin = new HttpClient { BaseAddress = environment.ApiUrl, Timeout = TimeSpan.FromMinutes(5) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", environment.AdminKey);
        await using var dataSource = NpgsqlDataSource.Create(environment.ConnectionString);

        var copyTenant = await BenchTenant.CreateAsync(admin, dataSource, "bench-copy", rows, cancellationToken);
        var httpTenant = await BenchTenant.CreateAsync(admin, dataSource, "bench-http", rows, cancellationToken);

        var copySeconds = await RawCopyAsync(dataSource, copyTenant, rows, cancellationToken);
        var httpSeconds = await HttpBatchesAsync(environment.ApiUrl, httpTenant, rows, cancellationToken);

        var stored = await CountAsync(dataSource, httpTenant.Id, cancellationToken);
        var copied = await CountAsync(dataSource, copyTenant.Id, cancellationToken);
        if (stored != rows.Count || copied != rows.Count)
        {
            Console.Error.WriteLine($"row counts differ: http {stored}, copy {copied}, expected {rows.Count}");
            return 1;
        }

        var copyRate = rows.Count / copySeconds;
        var httpRate = rows.Count / httpSeconds;
        Console.WriteLine($"ingestion benchmark: {rows.Count:N0} real daily-metric rows into daily_metrics (PK-indexed, FKs)");
        Console.WriteLine($"  raw binary COPY        {copySeconds,7:F2} s  {copyRate,12:N0} rows/s");
        Console.WriteLine($"  HTTP JSON bulk (50k)   {httpSeconds,7:F2} s  {httpRate,12:N0} rows/s");
        Console.WriteLine($"  ratio HTTP / COPY      {httpRate / copyRate,7:F2}  (target >= 0.60)");
        return 0;
    }

    private static async Task<double> RawCopyAsync(
        NpgsqlDataSource dataSource, BenchTenant tenant, IReadOnlyList<DailyMetricRow> rows, CancellationToken cancellationToken)
    {
        var resolved = rows.Select(row => (Advertiser: tenant.AdvertiserIds[row.AdvertiserId], Scenario: tenant.ScenarioIds[row.Scenario], row)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY daily_metrics (tenant_id, advertiser_id, scenario_id, date, impressions, clicks) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (advertiser, scenario, row) in resolved)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(tenant.Id, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(advertiser, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(scenario, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.Date, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(row.Impressions, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(row.Clicks, NpgsqlDbType.Bigint, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> HttpBatchesAsync(
        Uri api, BenchTenant tenant, IReadOnlyList<DailyMetricRow> rows, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.ApiKey);
        return await HttpBatches.SendAsync(client, "daily-metrics", rows, cancellationToken);
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM daily_metrics WHERE tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
