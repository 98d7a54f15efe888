using System.Numerics.Tensors;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>One linear output per task on its own representation: w_t · R_t + b_t.</summary>
internal sealed class TaskHeadRows(float[] weight, float[] bias)
{
    public float Output(ReadOnlySpan<float> representation, int task)
    {
        var width = weight.Length / bias.Length;
        return TensorPrimitives.Dot(representation.Slice(task * width, width), weight.AsSpan(task * width, width)) + bias[task];
    }
}
