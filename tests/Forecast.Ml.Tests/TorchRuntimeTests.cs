using Forecast.Ml.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Native_libraries_load_on_this_machine() => Assert.Null(TorchRuntime.NativeLoadFailure());

    [Fact]
    public void One_Adam_step_lowers_the_loss_of_a_small_module()
    {
        torch.manual_seed(7);
        using var scope = NewDisposeScope();
        var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1));
        var inputs = randn(64, 4);
        var targets = inputs.sum(1, keepdim: true);
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);

        var before = nn.functional.mse_loss(model.forward(inputs), targets);
        optimizer.zero_grad();
        before.backward();
        optimizer.step();
        var after = nn.functional.mse_loss(model.forward(inputs), targets);

        Assert.True(after.item<float>() < before.item<float>(), $"loss {before.item<float>()} -> {after.item<float>()}");
    }
}
