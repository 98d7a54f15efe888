using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests;

public sealed class SafeAdamTests
{
    [Fact]
    public void Its_steps_move_the_weights_as_libtorchs_adam_does()
    {
        using var scope = NewDisposeScope();
        var (ours, reference) = (Network(), Network());
        using var safe = new SafeAdam(ours.parameters(), learningRate: 0.01);
        using var adam = optim.Adam(reference.parameters(), lr: 0.01);
        manual_seed(3);
        var (inputs, targets) = (randn(32, 6), randn(32, 2));

        for (var step = 0; step < 25; step++)
        {
            safe.ZeroGradients();
            nn.functional.mse_loss(ours.call(inputs), targets).backward();
            safe.Step();
            adam.zero_grad();
            nn.functional.mse_loss(reference.call(inputs), targets).backward();
            adam.step();
        }

        var moved = false;
        foreach (var ((name, weight), (_, expected)) in ours.named_parameters().Zip(reference.named_parameters()))
        {
            Assert.True(allclose(weight, expected, rtol: 1e-5, atol: 1e-6), $"{name}: largest difference {(weight - expected).abs().max().item<float>()}");
            moved |= !allclose(weight, Network().named_parameters().Single(pair => pair.name == name).parameter);
        }

        Assert.True(moved);
    }

    /// <summary>The same initial weights each time.</summary>
    private static Sequential Network()
    {
        manual_seed(1);
        return nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Linear(8, 2));
    }
}
