using System.Numerics.Tensors;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>
/// A meta unit's generators: from one row's scenario knowledge S̃ they write that row's MLP (weights scaled by 1/√in,
/// as the network scales them), which then runs on each of the row's inputs.
/// </summary>
internal sealed class MetaUnitRows(IReadOnlyList<(AffineMap Weights, AffineMap Bias)> generators)
{
    public GeneratedMlp Generate(ReadOnlySpan<float> knowledge)
    {
        var layers = new (float[] Weights, float[] Bias)[generators.Count];
        for (var layer = 0; layer < layers.Length; layer++)
        {
            var generator = generators[layer];
            var (weights, bias) = (new float[generator.Weights.Outputs], new float[generator.Bias.Outputs]);
            generator.Weights.Apply(knowledge, weights);
            TensorPrimitives.Divide(weights, MathF.Sqrt(weights.Length / bias.Length), weights);
            generator.Bias.Apply(knowledge, bias);
            layers[layer] = (weights, bias);
        }

        return new GeneratedMlp(layers);
    }

    /// <summary>One row's generated MLP: h ← ReLU(h·W + b), layer after layer.</summary>
    public sealed class GeneratedMlp(IReadOnlyList<(float[] Weights, float[] Bias)> layers)
    {
        public int Outputs => layers[^1].Bias.Length;

        public void Apply(ReadOnlySpan<float> input, Span<float> output)
        {
            var hidden = input;
            for (var layer = 0; layer < layers.Count; layer++)
            {
                var (weights, bias) = layers[layer];
                var next = layer == layers.Count - 1 ? output[..bias.Length] : new float[bias.Length];
                RowKernels.Affine(hidden, weights, bias, next);
                RowKernels.Relu(next);
                hidden = next;
            }
        }
    }
}
