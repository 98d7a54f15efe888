using System.Security.Cryptography;
using System.Text;
using Forecast.Application.Registry;
using Npgsql;

namespace Forecast.Infrastructure.Jobs;

/// <summary>
/// <see cref="ITenantRunLock"/> as a PostgreSQL session-level advisory lock on an unpooled connection of its own:
/// PostgreSQL releases it when its session ends — when the run disposes it, or when a killed process's socket closes.
/// (Hangfire's distributed locks outlive a dead holder by their whole timeout: a restarted demo waited five minutes on
/// its own dead process.) Unpooled, a session never outlives its holder in a pool, whatever happened to it.
/// </summary>
internal sealed class PostgresAdvisoryRunLock(string connectionString) : ITenantRunLock, IDisposable
{
    private readonly NpgsqlDataSource _sessions = new NpgsqlDataSourceBuilder(connectionString)
    {
        ConnectionStringBuilder = { Pooling = false, ApplicationName = "forecast-run-lock" },
    }.Build();

    public async Task<IAsyncDisposable> AcquireAsync(Guid tenantId, string work, CancellationToken cancellationToken)
    {
        var connection = await _sessions.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter { Value = KeyOf(tenantId, work) });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _sessions.Dispose();

    /// <summary>A stable 64-bit key of the tenant and the work (advisory locks are keyed by bigint).</summary>
    private static long KeyOf(Guid tenantId, string work) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:N}/{work}")), 0);
}
