namespace Forecast.Application.Models;

/// <summary>The model kinds the registry holds: one champion of each per tenant.</summary>
public static class ModelKinds
{
    /// <summary>Multi-scenario multi-task forecasts of spend, exposure and churn.</summary>
    public const string M2M = "m2m";

    /// <summary>Click-through rates for bid estimation; its champion is the best of several architectures.</summary>
    public const string Ctr = "ctr";

    public static readonly IReadOnlySet<string> Trainable = new HashSet<string> { M2M, Ctr };
}
