using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>The training objective: the Poisson loss of the rates plus the binary cross-entropy of the zero heads.</summary>
public static class ForecastLoss
{
    public static Tensor Compute(RateOutput output, ForecastBatch batch)
    {
        var isZero = (batch.Targets == 0).to_type(ScalarType.Float32);
        var zeroLoss = nn.functional.binary_cross_entropy_with_logits(output.ZeroLogit, isZero, reduction: nn.Reduction.None);
        var known = batch.TargetMask.Above(0);
        return PoissonLoss.Compute(output.LogRate, batch.Targets, batch.TargetMask)
            + (where(known, zeroLoss, zeros_like(zeroLoss)).sum() / batch.TargetMask.sum().AtLeast(1));
    }
}
