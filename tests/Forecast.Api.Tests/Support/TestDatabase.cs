using Npgsql;

namespace Forecast.Api.Tests.Support;

/// <summary>
/// A fresh, empty database on the PostgreSQL server that ./forecast.sh test starts (ConnectionStrings__Forecast),
/// dropped afterwards. Tests never share a database with the service of another test run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder _server;

    private TestDatabase(NpgsqlConnectionStringBuilder server, string name)
    {
        _server = server;
        Name = name;
        // Pooled like production (a fresh PostgreSQL backend per query costs ~40 ms); the drop forces the pool's out.
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Forecast")
            ?? throw new InvalidOperationException(
                "ConnectionStrings__Forecast is not set: run the tests with ./forecast.sh test, which starts PostgreSQL.");
        var server = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false };
        var database = new TestDatabase(server, $"forecast_test_{Guid.NewGuid():N}");
        await database.OnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async Task<long> CountAsync(string sql, params object[] parameters) =>
        Convert.ToInt64(await ScalarAsync(sql, parameters));

    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>Every row the query returns, as text, in order: for comparing stored state before and after.</summary>
    public async Task<List<string>> RowsAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
