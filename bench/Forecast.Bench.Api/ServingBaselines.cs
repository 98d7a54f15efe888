using System.Collections.Concurrent;
using System.Security.Claims;
using Forecast.Api.Authentication;
using Npgsql;

namespace Forecast.Bench.Api;

/// <summary>
/// What the forecast endpoint's throughput is measured against, in the same process and run, behind the same
/// authentication: the least work that could answer each of its two paths. <c>bare-row</c> reads the advertiser's
/// stored forecast row with Npgsql (the table path: a round trip); <c>bare-memory</c> answers the text of that row
/// from a dictionary once it has been read (the in-memory path of decision 018: no round trip).
/// </summary>
internal static class ServingBaselines
{
    private const string RowSql =
        "SELECT f.tasks::text FROM forecasts f JOIN advertisers a ON a.tenant_id = f.tenant_id AND a.id = f.advertiser_id WHERE f.tenant_id = $1 AND a.external_id = $2 LIMIT 1";

    private static readonly ConcurrentDictionary<(Guid Tenant, string Advertiser), string> Remembered = new();

    public static void MapServingBaselines(this IEndpointRouteBuilder app)
    {
        var baselines = app.MapGroup("/benchmark").RequireAuthorization(ApiKeyDefaults.TenantPolicy).ExcludeFromDescription();
        baselines.MapGet("/bare-row/{id}", async (string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
            Results.Text(await ReadRowAsync(dataSource, user.TenantId(), id, cancellationToken), "application/json"));
        baselines.MapGet("/bare-memory/{id}", async (string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            var key = (user.TenantId(), id);
            if (!Remembered.TryGetValue(key, out var text))
            {
                text = Remembered[key] = await ReadRowAsync(dataSource, key.Item1, id, cancellationToken);
            }

            return Results.Text(text, "application/json");
        });
    }

    private static async Task<string> ReadRowAsync(NpgsqlDataSource dataSource, Guid tenantId, string advertiserId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RowSql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = advertiserId });
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "{}";
    }
}
