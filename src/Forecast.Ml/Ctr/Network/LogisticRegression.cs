using Forecast.Ml.Ctr.Data;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>Logistic regression: logit = bias + Σ field weights + w·numerics. The baseline every deep model must beat.</summary>
public sealed class LogisticRegression : CtrNetwork
{
    private readonly LinearTerm _linear;

    public LogisticRegression(CtrDimensions dimensions) : base(nameof(LogisticRegression))
    {
        _linear = new LinearTerm(dimensions.Cardinalities, dimensions.Numerics);
        RegisterComponents();
    }

    protected override Tensor Correction(CtrBatch batch) => _linear.forward(batch.Categorical, batch.Numeric).squeeze(-1);
}
