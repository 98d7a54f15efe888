using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Tenants;

internal static class TenantExistence
{
    public static async Task EnsureTenantExistsAsync(this IForecastDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(tenant => tenant.Id == tenantId, cancellationToken))
        {
            throw Refusal.NotFound("Tenant", tenantId.ToString());
        }
    }
}
