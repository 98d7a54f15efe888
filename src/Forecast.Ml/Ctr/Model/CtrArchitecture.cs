namespace Forecast.Ml.Ctr.Model;

/// <summary>The CTR networks the registry can hold.</summary>
public enum CtrArchitecture
{
    LogisticRegression,
    MixedLogisticRegression,
    WideAndDeep,
    DeepFm,
    Din,
    PepNet,
}

public static class CtrArchitectures
{
    public static readonly IReadOnlyList<CtrArchitecture> All = Enum.GetValues<CtrArchitecture>();

    public static string Name(this CtrArchitecture architecture) => architecture switch
    {
        CtrArchitecture.LogisticRegression => "lr",
        CtrArchitecture.MixedLogisticRegression => "mlr",
        CtrArchitecture.WideAndDeep => "wide-deep",
        CtrArchitecture.DeepFm => "deepfm",
        CtrArchitecture.Din => "din",
        CtrArchitecture.PepNet => "pepnet",
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, null),
    };

    public static bool IsDeep(this CtrArchitecture architecture) =>
        architecture is not (CtrArchitecture.LogisticRegression or CtrArchitecture.MixedLogisticRegression);
}
