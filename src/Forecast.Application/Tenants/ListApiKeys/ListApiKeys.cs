using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Tenants.ListApiKeys;

/// <summary>A tenant's API keys, newest first: what they are for, and whether and when they were used or ended.</summary>
public sealed record ListApiKeys(Guid TenantId) : IQuery<IReadOnlyList<ApiKeyDto>>;

/// <summary>An API key without its secret.</summary>
/// <param name="Id">Key id, to revoke it.</param>
/// <param name="Label">What the key is for.</param>
/// <param name="Hint">The key's first characters, to tell keys apart.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops working by itself, if ever.</param>
/// <param name="LastUsedAt">When a request last used it (to within 30 s), if ever.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record ApiKeyDto(
    Guid Id, string Label, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed class ListApiKeysHandler(IForecastDbContext db) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        await db.EnsureTenantExistsAsync(query.TenantId, cancellationToken);
        return await db.ApiKeys.AsNoTracking()
            .Where(key => key.TenantId == query.TenantId)
            .OrderByDescending(key => key.CreatedAt)
            .Select(key => new ApiKeyDto(key.Id, key.Label, key.Hint, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt))
            .ToListAsync(cancellationToken);
    }
}
