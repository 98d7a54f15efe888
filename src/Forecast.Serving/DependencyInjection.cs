using Forecast.Application.Bids;
using Forecast.Application.Forecasts;
using Forecast.Serving.Bids;
using Forecast.Serving.Champions;
using Forecast.Serving.Forecasts;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving;

public static class DependencyInjection
{
    /// <summary>
    /// Online serving: the tenants' champion models cached per process, the forecaster that answers a forecast the
    /// batch-scored table does not hold, and the click predictor behind bid estimates.
    /// </summary>
    public static IServiceCollection AddServing(this IServiceCollection services)
    {
        services.AddSingleton<ChampionModels>();
        services.AddSingleton<IAdvertiserForecaster, M2MAdvertiserForecaster>();
        services.AddSingleton<ClickChampions>();
        services.AddSingleton<IClickPredictor, ChampionClickPredictor>();
        return services;
    }
}
