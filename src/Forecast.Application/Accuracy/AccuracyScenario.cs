using Forecast.Application.Common;
using Forecast.Application.Common.Refusals;

namespace Forecast.Application.Accuracy;

/// <summary>A scenario named in an accuracy query must be the tenant's: an unknown one is a 404, not an empty answer.</summary>
internal static class AccuracyScenario
{
    public static async Task EnsureExistsAsync(IReferenceReader references, Guid tenantId, string? scenario, CancellationToken cancellationToken)
    {
        if (scenario is not null && !(await references.ExistingAsync(tenantId, [], [scenario], cancellationToken)).Scenarios.Contains(scenario))
        {
            throw Refusal.NotFound("Scenario", scenario);
        }
    }
}
