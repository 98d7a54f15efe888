namespace Forecast.Domain.Tenants;

/// <summary>A customer of Forecast: an ad platform or agency whose advertisers are forecast in isolation.</summary>
public sealed class Tenant
{
    private Tenant(Guid id, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Tenant Create(string name, DateTimeOffset now) => new(Guid.CreateVersion7(now), name.Trim(), now);
}
