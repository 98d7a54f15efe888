using Forecast.Domain.Scenarios;

namespace Forecast.Application.Scenarios;

/// <summary>An advertising scenario as the API shows it.</summary>
/// <param name="Key">The tenant's key for the scenario, e.g. "app" or "search".</param>
/// <param name="Name">Display name.</param>
/// <param name="Attributes">Scenario attributes (channel, billing type, placement, ...).</param>
/// <param name="CreatedAt">When the scenario was created.</param>
/// <param name="UpdatedAt">When name or attributes last changed.</param>
public sealed record ScenarioDto(
    string Key,
    string Name,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ScenarioDto From(Scenario scenario) =>
        new(scenario.Key, scenario.Name, scenario.Attributes, scenario.CreatedAt, scenario.UpdatedAt);
}
