using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>
/// One task's forecast over the horizon: the expected value, the point forecast (0 when a zero is likely), the 80%
/// interval around it, the forecaster that produced it (M2M, the trees, a baseline or a blend) and M2M's expert
/// attention weights.
/// </summary>
public sealed record TaskForecast(ForecastTask Task, double Rate, double Point, double Lower, double Upper, string Source, IReadOnlyList<float> ExpertWeights);

/// <summary>An advertiser's forecast in one scenario from one as-of date; tasks the model could not train are listed with why.</summary>
public sealed record SeriesForecast(
    string AdvertiserId,
    string Scenario,
    DateOnly AsOf,
    int HorizonDays,
    IReadOnlyList<TaskForecast> Tasks,
    double ChurnProbability,
    IReadOnlyDictionary<ForecastTask, string> Untrained);
