using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

/// <summary>
/// A warm start copies a champion's parameters by name (<see cref="Forecast.Ml.Forecasting.Training.WarmStart"/>): a
/// module renamed or moved gives its parameters new names, and every retraining after it would quietly start cold. The
/// names are held here, so such a change is made on purpose (and said in its decision: champions trained before it
/// warm-start nothing of what moved).
/// </summary>
public sealed class M2MParameterNamesTests
{
    private static readonly string Expected = Path.Combine(AppContext.BaseDirectory, "Forecasting", "m2m-parameter-names.txt");

    [Fact]
    public void The_networks_parameter_names_are_the_ones_champions_were_saved_with()
    {
        using var scope = NewDisposeScope();
        using var network = new M2MModel(SyntheticBatch.Dimensions, new M2MConfig());

        var names = network.named_parameters().Select(parameter => parameter.name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(File.ReadAllLines(Expected).Where(line => line.Length > 0), names);
    }
}
