using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>The arithmetic of a forward pass on one row.</summary>
internal static class RowKernels
{
    /// <summary>
    /// output = input · weight + bias, weight [in, out] row-major: a layer's own or one a meta unit generated. Blocks of 32
    /// outputs stay in four vector registers while the inputs stream through. One library call per input (a vectorised
    /// multiply-add over the outputs) cost more than the arithmetic at these widths: 65 µs per M2M row against 44.
    /// </summary>
    public static void Affine(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> output)
    {
        var (inputs, outputs) = (input.Length, bias.Length);
        if (weight.Length != inputs * outputs || output.Length < outputs)
        {
            throw new ArgumentException($"A {inputs} → {outputs} map needs a weight of {inputs * outputs} values and {outputs} outputs.", nameof(weight));
        }

        ref var weights = ref MemoryMarshal.GetReference(weight);
        var column = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; column + 32 <= outputs; column += 32)
            {
                var (first, second, third, fourth) = (Load(bias, column), Load(bias, column + 8), Load(bias, column + 16), Load(bias, column + 24));
                for (var i = 0; i < inputs; i++)
                {
                    var value = Vector256.Create(input[i]);
                    var row = (nuint)((i * outputs) + column);
                    first = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref weights, row), value, first);
                    second = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref weights, row + 8), value, second);
                    third = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref weights, row + 16), value, third);
                    fourth = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref weights, row + 24), value, fourth);
                }

                first.CopyTo(output[column..]);
                second.CopyTo(output[(column + 8)..]);
                third.CopyTo(output[(column + 16)..]);
                fourth.CopyTo(output[(column + 24)..]);
            }

            for (; column + 8 <= outputs; column += 8)
            {
                var sum = Load(bias, column);
                for (var i = 0; i < inputs; i++)
                {
                    sum = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref weights, (nuint)((i * outputs) + column)), Vector256.Create(input[i]), sum);
                }

                sum.CopyTo(output[column..]);
            }
        }

        for (; column < outputs; column++)
        {
            var sum = bias[column];
            for (var i = 0; i < inputs; i++)
            {
                sum += input[i] * weight[(i * outputs) + column];
            }

            output[column] = sum;
        }
    }

    /// <summary>a · b for the short rows of attention heads (16 values), inlined: a library call per pair cost 3 µs more per row.</summary>
    public static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var (sum, index) = (Vector256<float>.Zero, 0);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; index + 8 <= left.Length; index += 8)
            {
                sum = Vector256.MultiplyAddEstimate(Load(left, index), Load(right, index), sum);
            }
        }

        var total = Vector256.Sum(sum);
        for (; index < left.Length; index++)
        {
            total += left[index] * right[index];
        }

        return total;
    }

    /// <summary>destination += scale · values, for the same short rows.</summary>
    public static void AddScaled(ReadOnlySpan<float> values, float scale, Span<float> destination)
    {
        var index = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var factor = Vector256.Create(scale);
            for (; index + 8 <= values.Length; index += 8)
            {
                Vector256.MultiplyAddEstimate(Load(values, index), factor, Load(destination, index)).CopyTo(destination[index..]);
            }
        }

        for (; index < values.Length; index++)
        {
            destination[index] += scale * values[index];
        }
    }

    private static Vector256<float> Load(ReadOnlySpan<float> values, int start) => Vector256.Create(values.Slice(start, 8));

    public static void Relu(Span<float> values) => TensorPrimitives.Max(values, 0f, values);

    /// <summary>libtorch's layer_norm over the whole row: (x − mean) / √(biased variance + ε) · weight + bias.</summary>
    public static void LayerNorm(Span<float> values, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, float epsilon)
    {
        var mean = TensorPrimitives.Sum(values) / values.Length;
        TensorPrimitives.Subtract(values, mean, values);
        var variance = TensorPrimitives.SumOfSquares(values) / values.Length;
        TensorPrimitives.Multiply(values, 1 / MathF.Sqrt(variance + epsilon), values);
        TensorPrimitives.Multiply(values, weight, values);
        TensorPrimitives.Add(values, bias, values);
    }

    /// <summary>Softmax over the row, shifted by its maximum so no exponent overflows.</summary>
    public static void Softmax(Span<float> values)
    {
        TensorPrimitives.Subtract(values, TensorPrimitives.Max(values), values);
        TensorPrimitives.Exp(values, values);
        TensorPrimitives.Divide(values, TensorPrimitives.Sum(values), values);
    }
}
