using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry.ListModels;

/// <summary>The tenant's registered models, newest first.</summary>
public sealed record ListModels(Guid TenantId, string? Kind) : IQuery<IReadOnlyList<ModelDto>>;

public sealed class ListModelsHandler(IForecastDbContext db) : IQueryHandler<ListModels, IReadOnlyList<ModelDto>>
{
    public async ValueTask<IReadOnlyList<ModelDto>> Handle(ListModels query, CancellationToken cancellationToken)
    {
        return await db.Models.AsNoTracking()
            .Where(model => model.TenantId == query.TenantId && (query.Kind == null || model.Kind == query.Kind))
            .OrderByDescending(model => model.CreatedAt)
            .Take(200)
            .Select(ModelDto.Projection)
            .ToListAsync(cancellationToken);
    }
}
