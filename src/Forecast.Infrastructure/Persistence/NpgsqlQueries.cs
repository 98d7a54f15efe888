using System.Runtime.CompilerServices;
using Npgsql;

namespace Forecast.Infrastructure.Persistence;

/// <summary>Plain SQL with positional parameters ($1, $2...) for the read paths that skip EF: one command, one statement.</summary>
internal static class NpgsqlQueries
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    /// <summary>Binds a value as the next positional parameter and returns its reference ($n), for filters written into SQL only when asked for.</summary>
    public static string Bind(NpgsqlParameterCollection parameters, object value)
    {
        parameters.Add(new NpgsqlParameter { Value = value });
        return $"${parameters.Count}";
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull or null ? default! : (T)value;
    }

    /// <summary>Each row of the result; the reader is only valid until the next row.</summary>
    public static async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(
        NpgsqlConnection connection, string sql, [EnumeratorCancellation] CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader;
        }
    }
}
