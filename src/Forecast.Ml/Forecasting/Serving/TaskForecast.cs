using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Serving;

/// <summary>
/// One task's forecast over the horizon: the Poisson rate (the mean), the point forecast (0 when a zero is likely),
/// the 80% interval around it, and the experts' attention weights that produced it.
/// </summary>
public sealed record TaskForecast(ForecastTask Task, double Rate, double Point, double Lower, double Upper, IReadOnlyList<float> ExpertWeights);

/// <summary>An advertiser's forecast in one scenario from one as-of date; tasks the model could not train are listed with why.</summary>
public sealed record SeriesForecast(
    string AdvertiserId,
    string Scenario,
    DateOnly AsOf,
    int HorizonDays,
    IReadOnlyList<TaskForecast> Tasks,
    double ChurnProbability,
    IReadOnlyDictionary<ForecastTask, string> Untrained);
