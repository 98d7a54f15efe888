using System.Numerics.Tensors;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>
/// Meta attention on one row: score_{t,i} = v · Meta(concat(E_i, T_t)), a_{t,i} = softmax_i(score), R_t = Σ_i a_{t,i} E_i.
/// Experts [k, d_e] and task embeddings [m, d_t] → representation [m, d_e] and attention [m, k].
/// </summary>
internal sealed class MetaAttentionRows(MetaUnitRows meta, float[] score)
{
    public void Forward(
        ReadOnlySpan<float> experts, int expertCount, ReadOnlySpan<float> tasks, int taskCount, ReadOnlySpan<float> knowledge,
        Span<float> representation, Span<float> attention)
    {
        var (expertWidth, taskWidth) = (experts.Length / expertCount, tasks.Length / taskCount);
        var unit = meta.Generate(knowledge);
        var (pair, hidden) = (new float[expertWidth + taskWidth], new float[unit.Outputs]);
        for (var task = 0; task < taskCount; task++)
        {
            tasks.Slice(task * taskWidth, taskWidth).CopyTo(pair.AsSpan(expertWidth));
            var weights = attention.Slice(task * expertCount, expertCount);
            for (var expert = 0; expert < expertCount; expert++)
            {
                experts.Slice(expert * expertWidth, expertWidth).CopyTo(pair);
                unit.Apply(pair, hidden);
                weights[expert] = TensorPrimitives.Dot(hidden, score);
            }

            RowKernels.Softmax(weights);
            var represented = representation.Slice(task * expertWidth, expertWidth);
            represented.Clear();
            for (var expert = 0; expert < expertCount; expert++)
            {
                TensorPrimitives.MultiplyAdd(experts.Slice(expert * expertWidth, expertWidth), weights[expert], represented, represented);
            }
        }
    }
}
