using Forecast.Ml.Ctr.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// The smoothed historical CTR as a model: logit = base logit + b, the base being the advertiser's CTR in the
/// scenario and context over the window that priced validation best, shrunk towards broader CTRs
/// (<see cref="CtrFeatureSchema.HistoricalCtrs"/>). One learned intercept, then calibration per scenario. It is the
/// lookup every CTR network must beat to become champion.
/// </summary>
public sealed class HistoricalCtrLookup : CtrNetwork
{
    private readonly Parameter _intercept;

    public HistoricalCtrLookup() : base(nameof(HistoricalCtrLookup))
    {
        _intercept = nn.Parameter(zeros(1));
        RegisterComponents();
    }

    // logit = b (added to the base logit by CtrNetwork.forward)   [B]
    protected override Tensor Correction(CtrBatch batch) => _intercept.expand(batch.BaseLogit.shape[0]);
}
