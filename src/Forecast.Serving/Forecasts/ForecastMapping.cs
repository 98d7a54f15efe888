using Forecast.Application.Forecasts;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;

namespace Forecast.Serving.Forecasts;

/// <summary>The model's forecast of one series as the API shows it, for online and batch scoring alike.</summary>
public static class ForecastMapping
{
    public static ScenarioForecastDto ToDto(SeriesForecast series) => new(
        series.Scenario,
        series.ChurnProbability,
        series.Tasks.ToDictionary(task => task.Task.Name(), task => new TaskForecastDto(task.Point, task.Rate, task.Lower, task.Upper, task.Source, task.ExpertWeights)));
}
