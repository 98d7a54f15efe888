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
    /// thread count (<c>Forecast:TorchThreads</c>, default 1): a second intra-op thread slows a single advertiser's
    /// forward pass and speeds neither training nor batch scoring, while burning a core that requests and jobs already
    /// share (docs/decisions/009-one-torch-thread-and-sampled-training.md).
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
