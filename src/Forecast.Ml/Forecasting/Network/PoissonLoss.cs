using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Poisson negative log-likelihood without the log y! constant: L = λ − y·log λ with λ = exp(log λ), averaged over the
/// known targets of each task and then over tasks (optionally weighted). Its gradient in λ is (λ − y)/λ. Unknown
/// targets are selected away, not multiplied by 0: a large rate there times 0 is NaN, which would poison the gradient.
/// </summary>
public static class PoissonLoss
{
    public static Tensor Compute(Tensor logRate, Tensor targets, Tensor mask, Tensor? taskWeights = null)
    {
        var bounded = logRate.Bounded();
        var perElement = where(mask.Above(0), bounded.exp() - (targets * bounded), zeros_like(bounded)); // [B, m]
        var known = mask.sum(dim: 0); // [B, m] → [m]
        var perTask = perElement.sum(dim: 0) / known.AtLeast(1);
        var weights = (taskWeights ?? ones_like(perTask)) * known.Above(0).to_type(perTask.dtype);
        return (perTask * weights).sum() / weights.sum().AtLeast(1e-8);
    }
}
