using Forecast.Application.Common.Refusals;

namespace Forecast.Application.Common;

/// <summary>The one existence check of a request's advertiser and scenario: a 404 naming the first that is not the tenant's.</summary>
public static class ReferenceChecks
{
    /// <summary>Checks the advertiser and the scenario that are named (null: not asked), in one round trip.</summary>
    public static async Task EnsureExistAsync(
        this IReferenceReader references, Guid tenantId, string? advertiserId, string? scenario, CancellationToken cancellationToken)
    {
        var (advertisers, scenarios) = await references.ExistingAsync(
            tenantId, advertiserId is null ? [] : [advertiserId], scenario is null ? [] : [scenario], cancellationToken);
        if (advertiserId is not null && !advertisers.Contains(advertiserId))
        {
            throw Refusal.NotFound("Advertiser", advertiserId);
        }

        if (scenario is not null && !scenarios.Contains(scenario))
        {
            throw Refusal.NotFound("Scenario", scenario);
        }
    }
}
