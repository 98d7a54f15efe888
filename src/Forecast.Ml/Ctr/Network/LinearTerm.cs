using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// The first-order (logistic regression) part: a weight per category of every field plus a weight per numeric and a
/// bias; <c>outputs</c> such sums at once (MLR uses one per piece and per gate). [B, F] and [B, N] → [B, outputs].
/// </summary>
public sealed class LinearTerm : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly FieldEmbeddings _weights;
    private readonly Linear _numeric;

    public LinearTerm(IReadOnlyList<int> cardinalities, int numerics, int outputs = 1) : base(nameof(LinearTerm))
    {
        _weights = new FieldEmbeddings(cardinalities, outputs);
        _numeric = nn.Linear(numerics, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor categorical, Tensor numeric) => _weights.forward(categorical).sum(dim: 1).Plus(_numeric.forward(numeric));
}
