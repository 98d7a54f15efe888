using Forecast.Application.Bids;
using Forecast.Application.Forecasts;
using Forecast.Ml.Torch;
using Forecast.Serving.Bids;
using Forecast.Serving.Champions;
using Forecast.Serving.Forecasts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving;

public static class DependencyInjection
{
    /// <summary>
    /// Online serving: the tenants' champion models cached per process, the forecaster that answers a forecast the
    /// batch-scored table does not hold, and the click predictor behind bid estimates. Sets libtorch's process-wide
    /// thread count (<c>Forecast:TorchThreads</c>, default 1): measured on 2 cores, a second intra-op thread made a
    /// single advertiser's forward pass 2× slower (0.6 → 1.2 ms) and training and batch scoring no faster, while
    /// burning a core; requests and jobs already run side by side on the others.
    /// </summary>
    public static IServiceCollection AddServing(this IServiceCollection services, IConfiguration configuration)
    {
        TorchRuntime.Configure(configuration.GetValue("Forecast:TorchThreads", 1));
        services.AddSingleton<ForecastChampions>();
        services.AddSingleton<IAdvertiserForecaster, ChampionAdvertiserForecaster>();
        services.AddSingleton<CtrChampions>();
        services.AddSingleton<ICtrPredictor, ChampionCtrPredictor>();
        return services;
    }
}
