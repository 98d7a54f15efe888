namespace Forecast.Api.Authentication;

/// <summary>The operator's key for tenant administration; without one, admin endpoints refuse every request.</summary>
public sealed class AdminOptions
{
    public const string Section = "Forecast";

    public string? AdminKey { get; set; }
}
