using FluentValidation;
using Forecast.Application.Common.Paging;
using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Scenarios.ListScenarios;

/// <summary>The tenant's scenarios in key order, one page at a time.</summary>
public sealed record ListScenarios(Guid TenantId, string? Cursor, int Limit) : IQuery<Page<ScenarioDto>>;

public sealed class ListScenariosValidator : AbstractValidator<ListScenarios>
{
    public ListScenariosValidator() => this.AddPagingRules(query => query.Cursor, query => query.Limit);
}

public sealed class ListScenariosHandler(IForecastDbContext db) : IQueryHandler<ListScenarios, Page<ScenarioDto>>
{
    public async ValueTask<Page<ScenarioDto>> Handle(ListScenarios query, CancellationToken cancellationToken)
    {
        KeysetCursor.TryDecode(query.Cursor, out var after);
        var scenarios = db.Scenarios.AsNoTracking().Where(scenario => scenario.TenantId == query.TenantId);
        if (after is not null)
        {
            scenarios = scenarios.Where(scenario => string.Compare(scenario.Key, after) > 0);
        }

        var rows = await scenarios.OrderBy(scenario => scenario.Key).Take(query.Limit + 1).ToListAsync(cancellationToken);
        return KeysetCursor.ToPage(rows.Select(ScenarioDto.From).ToList(), query.Limit, scenario => scenario.Key);
    }
}
