using System.Collections.Concurrent;
using Forecast.Application.Common.Security;
using Forecast.Domain.Tenants;
using Forecast.Infrastructure.Persistence.Notifications;
using Npgsql;

namespace Forecast.Infrastructure.Security;

/// <summary>
/// Resolves API keys by their hash with one indexed statement that also records the key's last use, and remembers
/// valid keys for a short time (never past their expiry) so a busy dashboard does not pay a database round trip per
/// request. Unknown keys are never cached (no memory for guessers). A revocation is announced on a PostgreSQL channel
/// (<see cref="RevocationChannel"/>) that every instance listens to (<see cref="DatabaseChannelListener"/>): it takes
/// effect at once everywhere, and within <see cref="TimeToLive"/> should an instance miss the announcement.
/// </summary>
internal sealed class CachedApiKeyResolver(NpgsqlDataSource dataSource, TimeProvider clock) : IApiKeyResolver, IChannelSubscriber
{
    public const string RevocationChannel = "forecast_api_key_revoked";

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

        await using var command = dataSource.CreateCommand("""
            UPDATE api_keys SET last_used_at = now()
            WHERE hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
            RETURNING tenant_id, expires_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            _valid.TryRemove(cacheKey, out _);
            return null;
        }

        var tenantId = reader.GetGuid(0);
        var expires = now + TimeToLive;
        if (!await reader.IsDBNullAsync(1, cancellationToken) && reader.GetFieldValue<DateTimeOffset>(1) < expires)
        {
            expires = reader.GetFieldValue<DateTimeOffset>(1);
        }

        _valid[cacheKey] = (tenantId, expires);
        return tenantId;
    }

    public async Task RevokedAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        Forget(tenantId);
        await using var command = dataSource.CreateCommand($"SELECT pg_notify('{RevocationChannel}', $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId.ToString() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public string Channel => RevocationChannel;

    /// <summary>Drops every cached key: while the channel was lost, announcements may have been missed.</summary>
    public void Listening() => _valid.Clear();

    /// <summary>Keeps serving cached keys: a revocation missed meanwhile still ends within <see cref="TimeToLive"/>.</summary>
    public void Lost()
    {
    }

    public void Notified(string payload)
    {
        if (Guid.TryParse(payload, out var tenantId))
        {
            Forget(tenantId);
        }
    }

    /// <summary>Drops the tenant's cached keys in this process (a revocation announced by any instance).</summary>
    private void Forget(Guid tenantId)
    {
        foreach (var entry in _valid.Where(entry => entry.Value.TenantId == tenantId))
        {
            _valid.TryRemove(entry.Key, out _);
        }
    }
}
