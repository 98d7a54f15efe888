using Forecast.Application.Registry;
using Forecast.Ml.Ctr.Inference;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving.Champions;

/// <summary>The tenants' champion CTR models.</summary>
public sealed class CtrChampions(IServiceScopeFactory scopes, TimeProvider clock) : ChampionCache<CtrModel>(scopes, clock, ModelKinds.Ctr)
{
    protected override CtrModel Load(byte[] artifact) => CtrModel.Load(new MemoryStream(artifact));
}
