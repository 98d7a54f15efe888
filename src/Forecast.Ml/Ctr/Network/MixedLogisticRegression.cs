using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// MLR (Gai et al. 2017, "LS-PLM"): m logistic regressions, each weighted by a softmax gate over the same inputs:
/// p = Σᵢ softmax(u·x)ᵢ σ(wᵢ·x). Piecewise linear: a linear model per region the gate carves out.
/// </summary>
public sealed class MixedLogisticRegression : CtrNetwork
{
    private readonly LinearTerm _gate;
    private readonly LinearTerm _pieces;

    public MixedLogisticRegression(CtrDimensions dimensions, CtrConfig config) : base(nameof(MixedLogisticRegression))
    {
        _gate = new LinearTerm(dimensions.Cardinalities, dimensions.Numerics, config.MlrPieces);
        _pieces = new LinearTerm(dimensions.Cardinalities, dimensions.Numerics, config.MlrPieces);
        RegisterComponents();
    }

    /// <summary>log p − log(1 − p), both as log-sum-exps so that tiny CTRs keep their precision.</summary>
    protected override Tensor Correction(CtrBatch batch)
    {
        var gate = nn.functional.log_softmax(_gate.forward(batch.Categorical, batch.Numeric), 1);
        var pieces = _pieces.forward(batch.Categorical, batch.Numeric);
        var logClick = gate.Plus(nn.functional.logsigmoid(pieces)).logsumexp(1);
        var logNoClick = gate.Plus(nn.functional.logsigmoid(-pieces)).logsumexp(1);
        return logClick - logNoClick;
    }
}
