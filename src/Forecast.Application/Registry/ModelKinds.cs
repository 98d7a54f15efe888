namespace Forecast.Application.Registry;

/// <summary>The model kinds the registry holds: one champion of each per tenant.</summary>
public static class ModelKinds
{
    /// <summary>
    /// The forecast model: spend, exposure and churn of every advertiser in every scenario, served by M2M, the trees
    /// and the statistical baselines, blended per task and scenario on validation.
    /// </summary>
    public const string Forecast = "forecast";

    /// <summary>Click-through rates for bid estimation; its champion is the best of several architectures.</summary>
    public const string Ctr = "ctr";

    public static readonly IReadOnlySet<string> Trainable = new HashSet<string> { Forecast, Ctr };

    /// <summary>
    /// The kind a request names: "m2m", the forecast model's name before it served more than M2M, still reaches it, so
    /// that clients written against it keep working (docs/decisions/021-one-vocabulary.md).
    /// </summary>
    public static string Named(string kind) => kind == "m2m" ? Forecast : kind;
}
