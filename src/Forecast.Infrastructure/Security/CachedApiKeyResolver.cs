using System.Collections.Concurrent;
using Forecast.Application.Common.Security;
using Forecast.Domain.Tenants;
using Npgsql;

namespace Forecast.Infrastructure.Security;

/// <summary>
/// Resolves API keys by their hash with one indexed query, and remembers valid keys for a short time so a busy
/// dashboard does not pay a database round trip per request. Unknown keys are never cached (no memory for guessers).
/// A revocation in this process applies at once; in other processes within <see cref="TimeToLive"/>.
/// </summary>
internal sealed class CachedApiKeyResolver(NpgsqlDataSource dataSource, TimeProvider clock) : IApiKeyResolver
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (Guid TenantId, DateTimeOffset Expires)> _valid = new();

    public async ValueTask<Guid?> ResolveTenantAsync(string plainKey, CancellationToken cancellationToken)
    {
        var hash = ApiKey.HashOf(plainKey);
        var cacheKey = Convert.ToHexString(hash);
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(cacheKey, out var cached) && cached.Expires > now)
        {
            return cached.TenantId;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT tenant_id FROM api_keys WHERE hash = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        if (await command.ExecuteScalarAsync(cancellationToken) is not Guid tenantId)
        {
            _valid.TryRemove(cacheKey, out _);
            return null;
        }

        _valid[cacheKey] = (tenantId, now + TimeToLive);
        return tenantId;
    }

    public void Forget(Guid tenantId)
    {
        foreach (var entry in _valid.Where(entry => entry.Value.TenantId == tenantId))
        {
            _valid.TryRemove(entry.Key, out _);
        }
    }
}
