using System.Numerics.Tensors;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>One daily sequence [T, F] → [d]: embedded day by day plus the learned positions, encoded, averaged over days.</summary>
internal sealed class SequenceEncoderRows(AffineMap embed, float[] positions, EncoderLayerRows layer)
{
    public int Width => embed.Outputs;

    /// <summary>A sequence without features (a tenant without behaviour events) is embedded from one zero per day, as the network embeds it.</summary>
    public void Forward(ReadOnlySpan<float> days, int dayCount, Span<float> encoded)
    {
        var (features, width) = (days.Length / dayCount, Width);
        var sequence = new float[dayCount * width];
        var zeroDay = new float[features == 0 ? embed.Inputs : 0];
        for (var day = 0; day < dayCount; day++)
        {
            var row = sequence.AsSpan(day * width, width);
            embed.Apply(features == 0 ? zeroDay : days.Slice(day * features, features), row);
            TensorPrimitives.Add(row, positions.AsSpan(day * width, width), row);
        }

        layer.Forward(sequence, dayCount);
        encoded = encoded[..width];
        encoded.Clear();
        for (var day = 0; day < dayCount; day++)
        {
            TensorPrimitives.Add(encoded, sequence.AsSpan(day * width, width), encoded);
        }

        TensorPrimitives.Divide(encoded, dayCount, encoded);
    }
}
