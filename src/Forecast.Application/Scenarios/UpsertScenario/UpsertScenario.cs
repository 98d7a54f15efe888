using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Scenarios;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Scenarios.UpsertScenario;

/// <summary>Creates the scenario or replaces its name and attributes; replaying the same request changes nothing.</summary>
public sealed record UpsertScenario(
    Guid TenantId,
    string Key,
    string? Name,
    IReadOnlyDictionary<string, string>? Attributes) : ICommand<Upserted<ScenarioDto>>;

public sealed class UpsertScenarioValidator : AbstractValidator<UpsertScenario>
{
    public UpsertScenarioValidator()
    {
        RuleFor(command => command.Key).MustBeExternalId().OverridePropertyName("key");
        RuleFor(command => command.Name).MaximumLength(200);
        RuleFor(command => command.Attributes).MustBeAttributeMap().OverridePropertyName("attributes");
    }
}

public sealed class UpsertScenarioHandler(IForecastDbContext db, TimeProvider clock)
    : ICommandHandler<UpsertScenario, Upserted<ScenarioDto>>
{
    public async ValueTask<Upserted<ScenarioDto>> Handle(UpsertScenario command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scenario = await db.Scenarios.SingleOrDefaultAsync(
            existing => existing.TenantId == command.TenantId && existing.Key == command.Key, cancellationToken);
        var created = scenario is null;
        if (scenario is null)
        {
            scenario = Scenario.Create(command.TenantId, command.Key, now);
            db.Scenarios.Add(scenario);
        }

        var changed = scenario.Describe(
            command.Name ?? scenario.Name, command.Attributes ?? new Dictionary<string, string>(), now);
        if (created || changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Upserted<ScenarioDto>(ScenarioDto.From(scenario), created);
    }
}
