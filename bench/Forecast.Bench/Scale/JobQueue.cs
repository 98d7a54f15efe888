using Npgsql;

namespace Forecast.Bench.Scale;

/// <summary>Hangfire's queue on the benchmark's database, read from its job table.</summary>
internal static class JobQueue
{
    /// <summary>Waits until no job is enqueued or processing (at most 10 minutes).</summary>
    public static async Task DrainedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing')");
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Jobs were still queued or running after 10 minutes.");
            await Task.Delay(250, cancellationToken);
        }
    }
}
