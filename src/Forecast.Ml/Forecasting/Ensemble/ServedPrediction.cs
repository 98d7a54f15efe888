using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>
/// A forecast model's output for a set of samples: every candidate's point forecast [N, tasks] (M2M, trees, baselines),
/// the served rate, point and 80% interval [N, tasks], the churn probability [N], M2M's expert attention
/// [N, tasks, experts] and the name of the forecaster behind each served task.
/// </summary>
public sealed record ServedPrediction(
    SampleSet Samples,
    IReadOnlyDictionary<string, float[]> CandidatePoints,
    float[] Rates,
    float[] Points,
    float[] Lower,
    float[] Upper,
    double[] Churn,
    float[]? Attention,
    string[] Sources);
