using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>
/// A linear layer, y = x·Wᵀ + b, applied to one row in managed code. The weight is kept transposed, [in, out]: each input
/// scales one contiguous row of it into the output (vectorised), so nothing is summed across vector lanes.
/// </summary>
internal sealed class AffineMap
{
    private readonly float[] _weight;
    private readonly float[] _bias;

    private AffineMap(float[] weight, float[] bias)
    {
        (_weight, _bias) = (weight, bias);
    }

    public int Inputs => _weight.Length / _bias.Length;

    public int Outputs => _bias.Length;

    public static AffineMap Of(Linear linear) => Of(linear.weight!, linear.bias);

    /// <summary>From a weight [out, in] and a bias [out] (zeros without one), as libtorch's linear takes them.</summary>
    public static AffineMap Of(Tensor weight, Tensor? bias)
    {
        using var transposed = weight.detach().t();
        return new AffineMap(Weights.Of(transposed), bias is null ? new float[weight.shape[0]] : Weights.Of(bias));
    }

    public void Apply(ReadOnlySpan<float> input, Span<float> output) => RowKernels.Affine(input, _weight, _bias, output);
}
