using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Scenarios.GetScenario;

/// <summary>One scenario of the tenant; another tenant's scenario is reported as not found.</summary>
public sealed record GetScenario(Guid TenantId, string Key) : IQuery<ScenarioDto>;

public sealed class GetScenarioHandler(IForecastDbContext db) : IQueryHandler<GetScenario, ScenarioDto>
{
    public async ValueTask<ScenarioDto> Handle(GetScenario query, CancellationToken cancellationToken)
    {
        var scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(
            candidate => candidate.TenantId == query.TenantId && candidate.Key == query.Key, cancellationToken);
        return scenario is null ? throw Refusal.NotFound("Scenario", query.Key) : ScenarioDto.From(scenario);
    }
}
