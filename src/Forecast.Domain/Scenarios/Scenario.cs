using Forecast.Domain.Common;

namespace Forecast.Domain.Scenarios;

/// <summary>
/// An advertising scenario of a tenant (sponsored search, feed, an exchange or placement...). Its attributes are the
/// M2M paper's scenario features S; a scenario added later is forecast from them (cold start).
/// </summary>
public sealed class Scenario
{
    private Scenario(Guid tenantId, string key, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Key = key;
        Name = key;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    /// <summary>Surrogate id used by the fact tables; never leaves the service.</summary>
    public int Id { get; private set; }

    public string Key { get; private set; }

    public string Name { get; private set; }

    public Dictionary<string, string> Attributes { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Scenario Create(Guid tenantId, string key, DateTimeOffset now) => new(tenantId, key, now);

    /// <summary>Replaces name and attributes; returns false when nothing changed, so a replayed upsert writes nothing.</summary>
    public bool Describe(string name, IReadOnlyDictionary<string, string> attributes, DateTimeOffset now)
    {
        if (Name == name && Attributes.SameAs(attributes))
        {
            return false;
        }

        Name = name;
        Attributes = new Dictionary<string, string>(attributes);
        UpdatedAt = now;
        return true;
    }
}
