using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// One linear output per task on its own representation: [B, m, d] → [B, m]. Biases start at 0: for the rate heads
/// that is the log offset itself (training starts from "the recent level goes on"), for the zero heads even odds.
/// </summary>
public sealed class TaskHeads : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;

    public TaskHeads(int tasks, int dimension) : base(nameof(TaskHeads))
    {
        _weight = nn.Parameter(randn(tasks, dimension) * (0.1 / Math.Sqrt(dimension)));
        _bias = nn.Parameter(zeros(tasks));
        RegisterComponents();
    }

    public override Tensor forward(Tensor perTask) => (perTask * _weight).sum(2).Plus(_bias);

    internal TaskHeadRows Rows() => new(Weights.Of(_weight), Weights.Of(_bias));
}
