using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Training;

/// <summary>
/// Binomial log-loss per impression: BCE of the row's CTR weighted by its impressions equals
/// −(clicks·log p + (impressions − clicks)·log(1 − p)), so aggregated rows train exactly like the impressions they count.
/// </summary>
public static class CtrLoss
{
    public static Tensor Compute(Tensor logits, CtrBatch batch)
    {
        var ctr = batch.Clicks / batch.Impressions.AtLeast(1);
        var perRow = nn.functional.binary_cross_entropy_with_logits(logits, ctr, weight: batch.Impressions, reduction: nn.Reduction.None);
        return perRow.sum() / batch.Impressions.sum().AtLeast(1);
    }
}
