using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Meta tower (M2M): residual meta units, h^(l+1) = h^(l) + Meta_l(h^(l)), keeping the task representation while
/// adding a scenario-specific transformation. [B, m, d] with S̃ [B, d_s] → [B, m, d].
/// </summary>
public sealed class MetaTower : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<MetaUnit> _units;

    public MetaTower(int dimension, int scenarioDimension, int layers) : base(nameof(MetaTower))
    {
        _units = nn.ModuleList(Enumerable.Range(0, layers).Select(_ => new MetaUnit(scenarioDimension, [dimension, dimension])).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor representation, Tensor scenario)
    {
        var hidden = representation;
        foreach (var unit in _units)
        {
            hidden = hidden.Plus(unit.forward(hidden, scenario));
        }

        return hidden;
    }

    internal MetaTowerRows Rows() => new(_units.Select(unit => unit.Rows()).ToList());
}
