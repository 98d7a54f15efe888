using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.Network;

namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>
/// A trained M2M network's evaluation forward pass in managed code, row by row, on copies of its weights. An online
/// forecast has a handful of rows, and libtorch's ~170 operator calls per forward cost more than their arithmetic
/// (decision 016); for a scoring run's thousands of rows libtorch's batched kernels stay faster. Same outputs as
/// <see cref="RateModelPredictor.Predict"/> up to float rounding (a test compares them on a trained network).
/// </summary>
public sealed class ManagedM2M
{
    private readonly ModelDimensions _dimensions;
    private readonly SequenceEncoderRows _performance;
    private readonly SequenceEncoderRows _behaviour;
    private readonly CategoricalEmbeddingRows _scenarioAttributes;
    private readonly CategoricalEmbeddingRows _advertiserAttributes;
    private readonly ExpertRows _experts;
    private readonly float[] _tasks;
    private readonly ScenarioKnowledgeRows _knowledge;
    private readonly MetaAttentionRows _attention;
    private readonly MetaTowerRows? _tower;
    private readonly TaskHeadRows _heads;
    private readonly TaskHeadRows _zeroHeads;
    private readonly float[] _zeroOffsetWeight;

    internal ManagedM2M(
        ModelDimensions dimensions,
        (SequenceEncoderRows Performance, SequenceEncoderRows Behaviour) sequences,
        (CategoricalEmbeddingRows Scenario, CategoricalEmbeddingRows Advertiser) attributes,
        ExpertRows experts,
        float[] tasks,
        ScenarioKnowledgeRows knowledge,
        MetaAttentionRows attention,
        MetaTowerRows? tower,
        TaskHeadRows heads,
        (TaskHeadRows Heads, float[] OffsetWeight) zero)
    {
        _dimensions = dimensions;
        (_performance, _behaviour) = sequences;
        (_scenarioAttributes, _advertiserAttributes) = attributes;
        (_experts, _tasks, _knowledge, _attention, _tower, _heads) = (experts, tasks, knowledge, attention, tower, heads);
        (_zeroHeads, _zeroOffsetWeight) = zero;
    }

    /// <summary>Rates [N, tasks] in the targets' original units, zero-head probabilities [N, tasks], expert attention [N, tasks, experts].</summary>
    public Predictions Predict(ScaledSamples samples, FeatureScaling scaling)
    {
        var (tasks, experts) = (_dimensions.Tasks, _experts.Count);
        var (rates, zero, attention) = (new float[samples.Count * tasks], new float[samples.Count * tasks], new float[samples.Count * tasks * experts]);
        var (logRate, zeroLogit) = (new float[tasks], new float[tasks]);
        for (var sample = 0; sample < samples.Count; sample++)
        {
            Forward(samples, sample, logRate, zeroLogit, attention.AsSpan(sample * tasks * experts, tasks * experts));
            for (var task = 0; task < tasks; task++)
            {
                var index = (sample * tasks) + task;
                rates[index] = MathF.Exp(LogRateBounds.Bounded(logRate[task])) * scaling.TargetScale[task];
                zero[index] = 1 / (1 + MathF.Exp(-zeroLogit[task]));
            }
        }

        return new Predictions(rates, zero, attention);
    }

    private void Forward(ScaledSamples samples, int sample, Span<float> logRate, Span<float> zeroLogit, Span<float> attention)
    {
        var (days, dense) = (_dimensions.HistoryDays, _dimensions.DenseFeatures);
        var (performanceWidth, behaviourWidth) = (days * _dimensions.PerformanceChannels, days * _dimensions.BehaviourFeatures);
        var (scenarioCount, advertiserCount) = (_dimensions.ScenarioCardinalities.Count, _dimensions.AdvertiserCardinalities.Count);
        var sequenceWidth = _performance.Width + _behaviour.Width;
        var features = new float[sequenceWidth + dense + _scenarioAttributes.Width + _advertiserAttributes.Width];
        _performance.Forward(samples.Performance.AsSpan(sample * performanceWidth, performanceWidth), days, features);
        _behaviour.Forward(samples.Behaviour.AsSpan(sample * behaviourWidth, behaviourWidth), days, features.AsSpan(_performance.Width));
        samples.Dense.AsSpan(sample * dense, dense).CopyTo(features.AsSpan(sequenceWidth));
        var categorical = features.AsSpan(sequenceWidth + dense);
        _scenarioAttributes.Write(samples.ScenarioCodes.AsSpan(sample * scenarioCount, scenarioCount), categorical);
        _advertiserAttributes.Write(samples.AdvertiserCodes.AsSpan(sample * advertiserCount, advertiserCount), categorical[_scenarioAttributes.Width..]);

        var expertRows = new float[_experts.Count * _experts.Width];
        _experts.Forward(features, expertRows);
        var knowledge = new float[_knowledge.Width];
        _knowledge.Forward(categorical, knowledge);
        var tasks = _dimensions.Tasks;
        var representation = new float[tasks * _experts.Width];
        _attention.Forward(expertRows, _experts.Count, _tasks, tasks, knowledge, representation, attention);
        _tower?.Forward(representation, tasks, knowledge);

        var offset = samples.Offset.AsSpan(sample * tasks, tasks);
        for (var task = 0; task < tasks; task++)
        {
            logRate[task] = _heads.Output(representation, task) + offset[task];
            zeroLogit[task] = _zeroHeads.Output(representation, task) + (offset[task] * _zeroOffsetWeight[task]);
        }
    }
}
