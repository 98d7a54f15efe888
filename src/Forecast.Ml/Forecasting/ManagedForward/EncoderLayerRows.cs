using System.Numerics.Tensors;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>
/// A post-norm Transformer encoder layer on one sequence [T, d], in place — the same steps as
/// <see cref="Network.EncoderLayerInference"/>: x₁ = LN₁(x + W_o·softmax(q·kᵀ/√d_h)·v per head), out = LN₂(x₁ + W₂ ReLU(W₁ x₁)).
/// </summary>
internal sealed class EncoderLayerRows(
    int heads,
    AffineMap inProjection,
    AffineMap outProjection,
    AffineMap first,
    AffineMap second,
    (float[] Weight, float[] Bias) norm1,
    (float[] Weight, float[] Bias) norm2)
{
    private const float NormEpsilon = 1e-5f;

    public void Forward(Span<float> sequence, int days)
    {
        var width = sequence.Length / days;
        var qkv = new float[days * 3 * width];
        for (var day = 0; day < days; day++)
        {
            inProjection.Apply(sequence.Slice(day * width, width), qkv.AsSpan(day * 3 * width, 3 * width));
        }

        var context = Attend(qkv, days, width);
        var (projected, hidden) = (new float[width], new float[first.Outputs]);
        for (var day = 0; day < days; day++)
        {
            var row = sequence.Slice(day * width, width);
            outProjection.Apply(context.AsSpan(day * width, width), projected);
            TensorPrimitives.Add(row, projected, row);
            RowKernels.LayerNorm(row, norm1.Weight, norm1.Bias, NormEpsilon);
            first.Apply(row, hidden);
            RowKernels.Relu(hidden);
            second.Apply(hidden, projected);
            TensorPrimitives.Add(row, projected, row);
            RowKernels.LayerNorm(row, norm2.Weight, norm2.Bias, NormEpsilon);
        }
    }

    /// <summary>Scaled dot-product attention of every day over all days, head by head: context [T, d].</summary>
    private float[] Attend(float[] qkv, int days, int width)
    {
        var headWidth = width / heads;
        var scale = 1 / MathF.Sqrt(headWidth);
        var (context, weights) = (new float[days * width], new float[days]);
        for (var head = 0; head < heads; head++)
        {
            for (var day = 0; day < days; day++)
            {
                var query = qkv.AsSpan((day * 3 * width) + (head * headWidth), headWidth);
                for (var other = 0; other < days; other++)
                {
                    weights[other] = RowKernels.Dot(query, qkv.AsSpan((other * 3 * width) + width + (head * headWidth), headWidth)) * scale;
                }

                RowKernels.Softmax(weights);
                var attended = context.AsSpan((day * width) + (head * headWidth), headWidth);
                for (var other = 0; other < days; other++)
                {
                    RowKernels.AddScaled(qkv.AsSpan((other * 3 * width) + (2 * width) + (head * headWidth), headWidth), weights[other], attended);
                }
            }
        }

        return context;
    }
}
