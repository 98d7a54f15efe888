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

    public RetrainingMode RetrainingMode { get; private set; } = RetrainingPolicy.Default.Mode;

    public int RetrainEveryDays { get; private set; } = RetrainingPolicy.Default.EveryDays;

    public string? RetrainCron { get; private set; }

    public RetrainingPolicy Retraining => new(RetrainingMode, RetrainEveryDays, RetrainCron);

    public void Retrain(RetrainingPolicy policy)
    {
        (RetrainingMode, RetrainEveryDays, RetrainCron) = (policy.Mode, policy.EveryDays, policy.Mode == RetrainingMode.Schedule ? policy.Cron : null);
    }

    public static Tenant Create(string name, DateTimeOffset now) => new(Guid.CreateVersion7(now), name.Trim(), now);
}
