using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class MetaUnitTests
{
    [Fact]
    public void Two_scenarios_get_different_generated_weights()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var unit = new MetaUnit(16, [8, 4]);
        var scenarios = randn(2, 16);

        var weights = unit.GeneratedWeights(scenarios, 0);

        Assert.False(allclose(weights[0], weights[1]));
    }

    [Fact]
    public void Generated_weights_depend_on_the_scenario_knowledge_only()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var unit = new MetaUnit(16, [8, 4]);
        var knowledge = randn(1, 16).expand(2, 16);

        var weights = unit.GeneratedWeights(knowledge, 0);
        var outputs = unit.forward(randn(2, 1, 8), knowledge);

        Assert.True((weights[0] == weights[1]).all().item<bool>());
        Assert.False(allclose(outputs[0], outputs[1]));
    }
}
