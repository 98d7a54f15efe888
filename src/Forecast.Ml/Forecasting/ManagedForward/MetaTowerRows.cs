using System.Numerics.Tensors;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>Residual meta units on one row's task representations [m, d]: h ← h + Meta_l(h), in place.</summary>
internal sealed class MetaTowerRows(IReadOnlyList<MetaUnitRows> units)
{
    public void Forward(Span<float> representation, int taskCount, ReadOnlySpan<float> knowledge)
    {
        var width = representation.Length / taskCount;
        var change = new float[width];
        foreach (var unit in units)
        {
            var generated = unit.Generate(knowledge);
            for (var task = 0; task < taskCount; task++)
            {
                var row = representation.Slice(task * width, width);
                generated.Apply(row, change);
                TensorPrimitives.Add(row, change, row);
            }
        }
    }
}
