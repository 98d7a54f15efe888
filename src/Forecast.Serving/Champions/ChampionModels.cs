using Forecast.Application.Models;
using Forecast.Ml.Forecasting.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving.Champions;

/// <summary>The tenants' champion M2M forecast models.</summary>
public sealed class ChampionModels(IServiceScopeFactory scopes, TimeProvider clock) : ChampionCache<ForecastModel>(scopes, clock, ModelKinds.M2M)
{
    protected override ForecastModel Load(byte[] artifact) => ForecastModel.Load(new MemoryStream(artifact));
}
