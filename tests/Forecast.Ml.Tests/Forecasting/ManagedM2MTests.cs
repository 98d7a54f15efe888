using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class ManagedM2MTests
{
    private const int Samples = 5;

    public static TheoryData<int, bool> Networks => new() { { 6, true }, { 0, true }, { 6, false } };

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_managed_forward_gives_the_networks_predictions_from_the_weights_it_was_taken_with(int behaviourFeatures, bool metaTower)
    {
        using var scope = NewDisposeScope();
        var dimensions = SyntheticBatch.Dimensions with { BehaviourFeatures = behaviourFeatures };
        var network = Perturbed(new M2MModel(dimensions, new M2MConfig(UseMetaTower: metaTower)), seed: 2);
        var (samples, scaling) = (Inputs(dimensions), Scaling(dimensions));
        var expected = RateModelPredictor.Predict(network, ForecastBatch.From(samples, dimensions), scaling);

        var managed = network.ToManaged()!;
        Perturbed(network, seed: 3);
        var predicted = managed.Predict(samples, scaling);

        AssertClose(expected.Rates, predicted.Rates, relative: 1e-4);
        AssertClose(expected.ZeroProbability, predicted.ZeroProbability, relative: 1e-4);
        AssertClose(expected.Attention!, predicted.Attention!, relative: 1e-4);
        var moved = RateModelPredictor.Predict(network, ForecastBatch.From(samples, dimensions), scaling);
        Assert.NotEqual(expected.Rates, moved.Rates);
    }

    [Fact]
    public void Ablations_without_a_transformer_or_meta_attention_have_no_managed_forward()
    {
        using var scope = NewDisposeScope();
        Assert.Null(new M2MModel(SyntheticBatch.Dimensions, new M2MConfig(UseTransformer: false)).ToManaged());
        Assert.Null(new M2MModel(SyntheticBatch.Dimensions, new M2MConfig(UseMetaAttention: false)).ToManaged());
    }

    /// <summary>Every parameter moved by noise: freshly initialised heads are near zero and would hide most of the network.</summary>
    private static M2MModel Perturbed(M2MModel network, long seed)
    {
        manual_seed(seed);
        using (no_grad())
        {
            foreach (var parameter in network.parameters())
            {
                parameter.add_(randn_like(parameter) * 0.3);
            }
        }

        network.eval();
        return network;
    }

    private static ScaledSamples Inputs(ModelDimensions dimensions)
    {
        var random = new Random(7);
        float[] Normal(int count) => Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        long[] Codes(IReadOnlyList<int> cardinalities) =>
            Enumerable.Range(0, Samples).SelectMany(_ => cardinalities.Select(cardinality => (long)random.Next(cardinality))).ToArray();
        var (days, tasks) = (dimensions.HistoryDays, dimensions.Tasks);
        return new ScaledSamples(
            Samples,
            Normal(Samples * days * dimensions.PerformanceChannels),
            Normal(Samples * days * dimensions.BehaviourFeatures),
            Normal(Samples * dimensions.DenseFeatures),
            Codes(dimensions.ScenarioCardinalities),
            Codes(dimensions.AdvertiserCardinalities),
            Normal(Samples * tasks),
            new float[Samples * tasks],
            new float[Samples * tasks]);
    }

    private static FeatureScaling Scaling(ModelDimensions dimensions) =>
        new([], [], [], [], [], [], Enumerable.Range(1, dimensions.Tasks).Select(task => task * 0.7f).ToArray());

    private static void AssertClose(float[] expected, float[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a) / Math.Max(1e-3, Math.Abs(e))).Max();
        Assert.True(worst <= relative, $"largest relative difference {worst:G3}");
    }
}
