using Forecast.Application.Common;
using Npgsql;
using static Forecast.Infrastructure.Persistence.NpgsqlQueries;

namespace Forecast.Infrastructure.Persistence;

/// <summary>Looks advertisers and scenarios up by their tenant keys with one statement.</summary>
internal sealed class NpgsqlReferenceReader(NpgsqlDataSource dataSource) : IReferenceReader
{
    public async Task<(IReadOnlySet<string> Advertisers, IReadOnlySet<string> Scenarios)> ExistingAsync(
        Guid tenantId, IReadOnlyCollection<string> advertiserIds, IReadOnlyCollection<string> scenarioKeys, CancellationToken cancellationToken)
    {
        var advertisers = new HashSet<string>(StringComparer.Ordinal);
        var scenarios = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await foreach (var row in QueryAsync(connection, """
            SELECT true, external_id FROM advertisers WHERE tenant_id = $1 AND external_id = ANY($2)
            UNION ALL
            SELECT false, key FROM scenarios WHERE tenant_id = $1 AND key = ANY($3)
            """, cancellationToken, tenantId, advertiserIds.ToArray(), scenarioKeys.ToArray()))
        {
            (row.GetBoolean(0) ? advertisers : scenarios).Add(row.GetString(1));
        }

        return (advertisers, scenarios);
    }
}
