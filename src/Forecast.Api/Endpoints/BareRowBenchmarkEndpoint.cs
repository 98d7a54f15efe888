using System.Security.Claims;
using Forecast.Api.Authentication;
using Npgsql;

namespace Forecast.Api.Endpoints;

/// <summary>
/// The forecast benchmark's baseline, mapped only when Forecast:Benchmark:BareEndpoint is set: the same
/// authentication, one row read with Npgsql and returned as JSON. The forecast endpoint's throughput is reported as
/// a ratio to this one, measured in the same process and run.
/// </summary>
internal static class BareRowBenchmarkEndpoint
{
    public static void MapBareRowBenchmarkEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/benchmark/bare-row/{id}", async (string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
            {
                await using var command = dataSource.CreateCommand(
                    "SELECT f.tasks::text FROM forecasts f JOIN advertisers a ON a.tenant_id = f.tenant_id AND a.id = f.advertiser_id WHERE f.tenant_id = $1 AND a.external_id = $2 LIMIT 1");
                command.Parameters.Add(new NpgsqlParameter { Value = user.TenantId() });
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                return Results.Text((string?)await command.ExecuteScalarAsync(cancellationToken) ?? "{}", "application/json");
            })
            .RequireAuthorization(ApiKeyDefaults.TenantPolicy)
            .ExcludeFromDescription();
}
