using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Forecast.Bench.Serving;

/// <summary>
/// The online path alone: the advertiser's batch-scored rows are deleted, so each read computes its forecast now (history
/// read, panel, M2M, trees, guard, intervals); wrk at 1 connection against it and against the bare one-row endpoint.
/// The p50 difference is what computing the forecast costs the server beyond reading one row. Last, the same reads at 16
/// connections: the throughput of the window between an ingestion and its re-scoring.
/// </summary>
internal static class OnlinePath
{
    public sealed record Outcome(Wrk.Result FirstUse, Wrk.Result Online, Wrk.Result Bare, Wrk.Result FullLoad);

    public static async Task<Outcome> RunAsync(
        HttpClient client, BenchEnvironment environment, string advertiser, string forecastUrl, string bareUrl, string demoKey, CancellationToken cancellationToken)
    {
        await using (var dataSource = NpgsqlDataSource.Create(environment.ConnectionString))
        await using (var delete = dataSource.CreateCommand(
            "DELETE FROM forecasts f USING advertisers a WHERE a.tenant_id = f.tenant_id AND a.id = f.advertiser_id AND a.external_id = $1"))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = advertiser });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // The deletion reaches the API's memory of the stored forecast through the database's announcement.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await client.GetFromJsonAsync<JsonElement>($"/v1/advertisers/{advertiser}/forecasts", cancellationToken)).GetProperty("servedFrom").GetString() != "computed-now")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The forecast of {advertiser} is still served from the table 5 s after its rows were deleted.");
            }

            await Task.Delay(20, cancellationToken);
        }

        // The path's code is compiled to its final tier over its first seconds of use (its first 5 s measured a p50 of
        // 3.0 ms, the next 5-s windows 1.8–2.4 ms): the first 10 s are what a process that has not served it yet gives,
        // the next 10 s its steady state.
        var firstUse = await Wrk.RunAsync(forecastUrl, demoKey, connections: 1, seconds: 10, null, cancellationToken);
        var online = await Wrk.RunAsync(forecastUrl, demoKey, connections: 1, seconds: 10, null, cancellationToken);
        var bare = await Wrk.RunAsync(bareUrl, demoKey, connections: 1, seconds: 10, null, cancellationToken);
        // What every read of a tenant gets between an ingestion and its re-scoring.
        var fullLoad = await Wrk.RunAsync(forecastUrl, demoKey, connections: 16, seconds: 10, null, cancellationToken);
        return new Outcome(firstUse, online, bare, fullLoad);
    }
}
