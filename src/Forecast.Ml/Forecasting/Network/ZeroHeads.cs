using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Logit of P(y_t = 0 over the horizon) per task: a linear head on the task representation plus a learned multiple of
/// the log offset (a series that delivered nothing lately is likely to stay at zero). [B, m, d], [B, m] → [B, m].
/// </summary>
public sealed class ZeroHeads : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TaskHeads _heads;
    private readonly Parameter _offsetWeight;

    public ZeroHeads(int tasks, int dimension) : base(nameof(ZeroHeads))
    {
        _heads = new TaskHeads(tasks, dimension);
        _offsetWeight = nn.Parameter(full(tasks, -1.0f));
        RegisterComponents();
    }

    public override Tensor forward(Tensor perTask, Tensor offset) => _heads.forward(perTask).Plus(offset * _offsetWeight);

    internal (TaskHeadRows Heads, float[] OffsetWeight) Rows() => (_heads.Rows(), Weights.Of(_offsetWeight));
}
