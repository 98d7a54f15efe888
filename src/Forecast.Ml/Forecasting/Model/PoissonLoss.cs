using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Model;

/// <summary>
/// Poisson negative log-likelihood without the log y! constant: L = λ − y·log λ with λ = exp(log λ), averaged over the
/// known targets of each task and then over tasks (optionally weighted). Its gradient in λ is (λ − y)/λ.
/// </summary>
public static class PoissonLoss
{
    public static Tensor Compute(Tensor logRate, Tensor targets, Tensor mask, Tensor? taskWeights = null)
    {
        var perElement = (logRate.exp() - (targets * logRate)) * mask; // [B, m]
        var known = mask.sum(dim: 0); // [B, m] → [m]
        var perTask = perElement.sum(dim: 0) / known.clamp_min(1);
        var weights = (taskWeights ?? ones_like(perTask)) * (known > 0).to_type(perTask.dtype);
        return (perTask * weights).sum() / weights.sum().clamp_min(1e-8);
    }
}
