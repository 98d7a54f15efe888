using Forecast.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry;

public static class ChampionQueries
{
    /// <summary>The id of the tenant's champion of a kind; null while it has none.</summary>
    public static Task<Guid?> ChampionIdAsync(this IQueryable<RegisteredModel> models, Guid tenantId, string kind, CancellationToken cancellationToken) =>
        models.AsNoTracking()
            .Where(model => model.TenantId == tenantId && model.Kind == kind && model.Status == ModelStatus.Champion)
            .Select(model => (Guid?)model.Id)
            .SingleOrDefaultAsync(cancellationToken);
}
