namespace Forecast.Demo;

/// <summary>The embedded demo: a tenant with a fixed API key, loaded with the shipped real data on first start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Forecast:Demo";

    public bool Enabled { get; set; }

    public string TenantName { get; set; } = "Demo (TabMo campaigns)";

    /// <summary>The demo tenant's key; ./forecast.sh run generates one per checkout and keeps it in .data/.</summary>
    public string? ApiKey { get; set; }

    public string DataPath { get; set; } =
        Path.Combine(AppContext.BaseDirectory, "data", "tabmo-adcampaign", "adcampaign_slots.csv.gz");
}
