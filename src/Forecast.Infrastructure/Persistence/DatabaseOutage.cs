using System.Net.Sockets;
using Npgsql;

namespace Forecast.Infrastructure.Persistence;

/// <summary>
/// Whether a failure means PostgreSQL cannot be reached or is not accepting work right now (down, restarting, out of
/// connections): the request was not served, nothing of it was committed, and the same request can be repeated later.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>What a client is told to wait before repeating the request.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // Connection exceptions (class 08), the server shutting down or starting (57P01-57P03), resources exhausted (53).
    private static readonly string[] OutageStates = ["08", "57P01", "57P02", "57P03", "53"];

    /// <summary>
    /// Drops the idle pooled connections of the service's data source and of every connection-string pool (Hangfire's,
    /// the run locks'): an outage broke them too, and Npgsql finds that out only by using them.
    /// </summary>
    public static void DropPooledConnections(NpgsqlDataSource dataSource)
    {
        dataSource.Clear();
        NpgsqlConnection.ClearAllPools();
    }

    public static bool Caused(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException postgres:
                    return OutageStates.Any(state => postgres.SqlState.StartsWith(state, StringComparison.Ordinal));
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
