using System.Numerics.Tensors;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>S̃ = tanh(W₂ ReLU(W₁ [scenario, advertiser])) of one row; without categorical attributes the input is a single 1.</summary>
internal sealed class ScenarioKnowledgeRows(AffineMap first, AffineMap second)
{
    public int Width => second.Outputs;

    public void Forward(ReadOnlySpan<float> attributes, Span<float> knowledge)
    {
        var hidden = new float[first.Outputs];
        first.Apply(attributes.IsEmpty ? [1f] : attributes, hidden);
        RowKernels.Relu(hidden);
        second.Apply(hidden, knowledge);
        TensorPrimitives.Tanh(knowledge[..Width], knowledge[..Width]);
    }
}
