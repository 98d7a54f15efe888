namespace Forecast.Ml.Ctr.Model;

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

    public static bool IsDeep(this CtrArchitecture architecture) =>
        architecture is not (CtrArchitecture.HistoricalCtr or CtrArchitecture.LogisticRegression or CtrArchitecture.MixedLogisticRegression);
}
