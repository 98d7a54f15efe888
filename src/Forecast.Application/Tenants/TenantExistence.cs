using Forecast.Application.Common.Persistence;
using Forecast.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Tenants;

internal static class TenantExistence
{
    public static async Task EnsureTenantExistsAsync(this IForecastDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(tenant => tenant.Id == tenantId, cancellationToken))
        {
            throw DomainException.NotFound("Tenant", tenantId.ToString());
        }
    }
}
