using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry.Retraining;

/// <summary>The tenant's retraining policy.</summary>
public sealed record GetRetrainingPolicy(Guid TenantId) : IQuery<RetrainingPolicyDto>;

public sealed class GetRetrainingPolicyHandler(IForecastDbContext db) : IQueryHandler<GetRetrainingPolicy, RetrainingPolicyDto>
{
    public async ValueTask<RetrainingPolicyDto> Handle(GetRetrainingPolicy query, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(candidate => candidate.Id == query.TenantId, cancellationToken);
        return RetrainingPolicyDto.From(tenant.Retraining);
    }
}
