using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry.GetModel;

/// <summary>One registered model of the tenant with its metrics.</summary>
public sealed record GetModel(Guid TenantId, Guid ModelId) : IQuery<ModelDto>;

public sealed class GetModelHandler(IForecastDbContext db) : IQueryHandler<GetModel, ModelDto>
{
    public async ValueTask<ModelDto> Handle(GetModel query, CancellationToken cancellationToken)
    {
        return await db.Models.AsNoTracking()
            .Where(candidate => candidate.TenantId == query.TenantId && candidate.Id == query.ModelId)
            .Select(ModelDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw Refusal.NotFound("Model", query.ModelId.ToString());
    }
}
