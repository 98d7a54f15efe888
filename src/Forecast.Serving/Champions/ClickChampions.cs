using Forecast.Application.Models;
using Forecast.Ml.Ctr.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving.Champions;

/// <summary>The tenants' champion CTR models.</summary>
public sealed class ClickChampions(IServiceScopeFactory scopes, TimeProvider clock) : ChampionCache<ClickModel>(scopes, clock, ModelKinds.Ctr)
{
    protected override ClickModel Load(byte[] artifact) => ClickModel.Load(new MemoryStream(artifact));
}
