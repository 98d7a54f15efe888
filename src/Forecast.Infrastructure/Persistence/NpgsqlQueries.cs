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

    /// <summary>
    /// "column = $n" for one value, "column = ANY($n)" for several. One advertiser — every single-advertiser read — then
    /// gets PostgreSQL's cached generic plan after five runs: its estimate of one row equals the custom plans', where an
    /// array's does not, so every ANY read was planned again (docs/decisions/013-single-advertiser-reads-keep-a-generic-plan.md).
    /// </summary>
    public static string EqualsAny(NpgsqlParameterCollection parameters, string column, IReadOnlyCollection<string> values) =>
        values.Count == 1 ? $"{column} = {Bind(parameters, values.First())}" : $"{column} = ANY({Bind(parameters, values.ToArray())})";

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
