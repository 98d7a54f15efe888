using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>Copies of a trained network's parameters as managed arrays, taken once when a model is first served.</summary>
internal static class Weights
{
    /// <summary>The values of a tensor, row-major.</summary>
    public static float[] Of(Tensor parameter)
    {
        using var values = parameter.detach().contiguous();
        return values.data<float>().ToArray();
    }

    /// <summary>The values of an input-independent part of the network, computed once by libtorch.</summary>
    public static float[] Computed(Func<Tensor> compute)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        return Of(compute());
    }
}
