namespace Forecast.Application.Common.Security;

/// <summary>Finds the tenant that owns a presented API key; null when the key is unknown or revoked.</summary>
public interface IApiKeyResolver
{
    ValueTask<Guid?> ResolveTenantAsync(string plainKey, CancellationToken cancellationToken);

    /// <summary>Drops cached answers so a revocation takes effect at once in this process.</summary>
    void Forget(Guid tenantId);
}
