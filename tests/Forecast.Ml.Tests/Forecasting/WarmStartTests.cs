using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class WarmStartTests
{
    [Fact]
    public void Parameters_that_fit_start_from_the_previous_network_and_a_grown_vocabulary_starts_fresh()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var previous = new M2MModel(SyntheticBatch.Dimensions, new M2MConfig());
        manual_seed(2);
        var grown = SyntheticBatch.Dimensions with { AdvertiserCardinalities = [.. SyntheticBatch.Dimensions.AdvertiserCardinalities.Select(cardinality => cardinality + 3)] };
        var next = new M2MModel(grown, new M2MConfig());

        var copied = WarmStart.Copy(next, previous);

        var before = previous.named_parameters().ToDictionary(parameter => parameter.name, parameter => parameter.parameter);
        var after = next.named_parameters().ToList();
        Assert.Equal(after.Count(parameter => before[parameter.name].shape.SequenceEqual(parameter.parameter.shape)), copied);
        Assert.InRange(copied, 1, after.Count - 1);
        Assert.All(after, parameter =>
        {
            var old = before[parameter.name];
            var same = old.shape.SequenceEqual(parameter.parameter.shape) && (old == parameter.parameter).all().item<bool>();
            Assert.Equal(old.shape.SequenceEqual(parameter.parameter.shape), same);
        });
    }
}
