namespace Forecast.Ml.Ctr.Network;

/// <summary>The CTR models the registry can hold: the historical-CTR lookup and the networks.</summary>
public enum CtrArchitecture
{
    HistoricalCtr,
    LogisticRegression,
    MixedLogisticRegression,
    WideAndDeep,
    DeepFm,
    Din,
    PepNet,
    AutoAttention,
    Star,
    MultiEmbedding,
    Gwen,
    Pnn,
}

public static class CtrArchitectures
{
    public static readonly IReadOnlyList<CtrArchitecture> All = Enum.GetValues<CtrArchitecture>();

    public static string Name(this CtrArchitecture architecture) => architecture switch
    {
        CtrArchitecture.HistoricalCtr => "historical-ctr",
        CtrArchitecture.LogisticRegression => "lr",
        CtrArchitecture.MixedLogisticRegression => "mlr",
        CtrArchitecture.WideAndDeep => "wide-deep",
        CtrArchitecture.DeepFm => "deepfm",
        CtrArchitecture.Din => "din",
        CtrArchitecture.PepNet => "pepnet",
        CtrArchitecture.AutoAttention => "autoattention",
        CtrArchitecture.Star => "star",
        CtrArchitecture.MultiEmbedding => "multi-embedding",
        CtrArchitecture.Gwen => "gwen",
        CtrArchitecture.Pnn => "pnn",
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, null),
    };

    /// <summary>
    /// The architectures a comma-separated list of names selects (empty: all), always with the historical-CTR lookup: the
    /// baseline a network must beat to be champion. False when a name is unknown.
    /// </summary>
    public static bool TryParseSelection(string? names, out IReadOnlyList<CtrArchitecture> selected)
    {
        var requested = (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = requested.Select(name => All.Where(architecture => architecture.Name() == name).Cast<CtrArchitecture?>().SingleOrDefault()).ToList();
        selected = requested.Length == 0
            ? All
            : All.Where(architecture => architecture == CtrArchitecture.HistoricalCtr || known.Contains(architecture)).ToList();
        return known.All(architecture => architecture is not null);
    }

    public static bool IsDeep(this CtrArchitecture architecture) =>
        architecture is not (CtrArchitecture.HistoricalCtr or CtrArchitecture.LogisticRegression or CtrArchitecture.MixedLogisticRegression);
}
