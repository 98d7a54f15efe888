using Forecast.Application.Registry;
using Forecast.Ml.Forecasting.Ensemble;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving.Champions;

/// <summary>The tenants' champion forecast models.</summary>
public sealed class ForecastChampions(IServiceScopeFactory scopes, TimeProvider clock) : ChampionCache<ForecastModel>(scopes, clock, ModelKinds.Forecast)
{
    protected override ForecastModel Load(byte[] artifact) => ForecastModel.Load(new MemoryStream(artifact));
}
