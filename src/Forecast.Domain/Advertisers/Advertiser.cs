using Forecast.Domain.Common;

namespace Forecast.Domain.Advertisers;

/// <summary>
/// An advertiser account of a tenant, known to the tenant by its external id. Its profile is the M2M paper's
/// advertiser features A (industry, region, tier, ...), as string values; numeric ones are sent as numbers in text.
/// </summary>
public sealed class Advertiser
{
    private Advertiser(Guid tenantId, string externalId, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        ExternalId = externalId;
        Name = externalId;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    /// <summary>Surrogate id used by the fact tables; never leaves the service.</summary>
    public long Id { get; private set; }

    public string ExternalId { get; private set; }

    public string Name { get; private set; }

    public Dictionary<string, string> Profile { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Advertiser Create(Guid tenantId, string externalId, DateTimeOffset now) => new(tenantId, externalId, now);

    /// <summary>Replaces name and profile; returns false when nothing changed, so a replayed upsert writes nothing.</summary>
    public bool Describe(string name, IReadOnlyDictionary<string, string> profile, DateTimeOffset now)
    {
        if (Name == name && Profile.SameAs(profile))
        {
            return false;
        }

        Name = name;
        Profile = new Dictionary<string, string>(profile);
        UpdatedAt = now;
        return true;
    }
}
