namespace Forecast.Application.Models;

/// <summary>The model kinds the registry holds.</summary>
public static class ModelKinds
{
    public const string M2M = "m2m";

    public static readonly IReadOnlySet<string> Trainable = new HashSet<string> { M2M };
}
