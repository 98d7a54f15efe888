using Forecast.Domain.Advertisers;

namespace Forecast.Application.Advertisers;

/// <summary>An advertiser account as the API shows it.</summary>
/// <param name="Id">The tenant's own id for the advertiser.</param>
/// <param name="Name">Display name.</param>
/// <param name="Profile">Profile attributes (industry, region, tier, ...).</param>
/// <param name="CreatedAt">When the advertiser was first seen.</param>
/// <param name="UpdatedAt">When name or profile last changed.</param>
public sealed record AdvertiserDto(
    string Id,
    string Name,
    IReadOnlyDictionary<string, string> Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AdvertiserDto From(Advertiser advertiser) =>
        new(advertiser.ExternalId, advertiser.Name, advertiser.Profile, advertiser.CreatedAt, advertiser.UpdatedAt);
}
