using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Model;

/// <summary>
/// One linear output per task on its own representation: [B, m, d] → log λ [B, m]. Biases start at 0, the log of the
/// scaled training mean, so training starts from the mean forecast.
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

    public override Tensor forward(Tensor perTask) => (perTask * _weight).sum(2) + _bias;
}
