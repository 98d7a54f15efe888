namespace Forecast.Application.Common.Security;

/// <summary>Finds the tenant that owns a presented API key; null when the key is unknown, revoked or expired.</summary>
public interface IApiKeyResolver
{
    ValueTask<Guid?> ResolveTenantAsync(string plainKey, CancellationToken cancellationToken);

    /// <summary>Drops the tenant's cached answers in this process and in every other instance on the database.</summary>
    Task RevokedAsync(Guid tenantId, CancellationToken cancellationToken);
}
