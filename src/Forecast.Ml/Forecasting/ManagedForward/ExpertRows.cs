namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>The k expert MLPs on one feature row: E_i = ReLU(W₂ ReLU(W₁ F)), written [k, d_e].</summary>
internal sealed class ExpertRows(IReadOnlyList<(AffineMap First, AffineMap Second)> experts)
{
    public int Count => experts.Count;

    public int Width => experts[0].Second.Outputs;

    public void Forward(ReadOnlySpan<float> features, Span<float> output)
    {
        var hidden = new float[experts[0].First.Outputs];
        for (var expert = 0; expert < experts.Count; expert++)
        {
            var (first, second) = experts[expert];
            first.Apply(features, hidden);
            RowKernels.Relu(hidden);
            var written = output.Slice(expert * Width, Width);
            second.Apply(hidden, written);
            RowKernels.Relu(written);
        }
    }
}
