using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Network;

namespace Forecast.Ml.Research.Backtesting;

/// <summary>Accuracy of one model on one task over the test window.</summary>
public sealed record TaskScore(string Model, ForecastTask Task, double Smape, double Nmae, double PoissonDeviance);

/// <summary>Training cost of a neural model.</summary>
public sealed record TrainingCost(string Model, int Epochs, int BestEpoch, double Seconds, double SamplesPerSecond);

/// <summary>80% interval coverage per task on the test window: raw Poisson quantiles and the interval served.</summary>
public sealed record IntervalCoverage(ForecastTask Task, double PoissonCoverage, double ServedCoverage, string Method);

/// <summary>Churn (no active day in the horizon) Brier scores on the test window.</summary>
public sealed record ChurnScore(string Method, double Brier, double ValidationBrier);

/// <summary>Cold start: trained without one scenario's series, scored on that scenario's test samples.</summary>
public sealed record ColdStartScore(string Scenario, string Model, ForecastTask Task, double Smape);

/// <summary>Inference speed of the served model.</summary>
public sealed record InferenceSpeed(double BatchSamplesPerSecond, double SingleAdvertiserMedianMs, double SingleAdvertiserP99Ms, int Scenarios);

/// <summary>An M2M hyper-parameter candidate and its validation score.</summary>
public sealed record TuningResult(M2MConfig Config, double ValidationSmape, bool Chosen);

public sealed record BacktestReport(
    int TrainSamples,
    int ValidationSamples,
    int TestSamples,
    string TestWindow,
    IReadOnlyList<ForecastTask> TrainedTasks,
    IReadOnlyDictionary<ForecastTask, string> UntrainedTasks,
    IReadOnlyList<TuningResult> Tuning,
    IReadOnlyList<TaskScore> Scores,
    IReadOnlyList<TrainingCost> Training,
    IReadOnlyList<IntervalCoverage> Intervals,
    IReadOnlyList<ChurnScore> Churn,
    IReadOnlyList<ColdStartScore> ColdStart,
    InferenceSpeed Inference,
    double TotalSeconds);
