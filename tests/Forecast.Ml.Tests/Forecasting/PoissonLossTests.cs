using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class PoissonLossTests
{
    [Fact]
    public void The_loss_is_the_closed_form_mean_of_rate_minus_y_log_rate()
    {
        using var scope = NewDisposeScope();
        var rate = tensor(new[] { 2.0f, 0.5f, 4.0f }).view(3, 1);
        var y = tensor(new[] { 1.0f, 0.0f, 6.0f }).view(3, 1);

        var loss = PoissonLoss.Compute(rate.log(), y, ones(3, 1)).item<float>();

        var expected = ((2 - (1 * Math.Log(2))) + 0.5 + (4 - (6 * Math.Log(4)))) / 3;
        Assert.Equal(expected, loss, 5);
    }

    [Fact]
    public void The_gradient_in_the_rate_is_rate_minus_y_over_rate()
    {
        using var scope = NewDisposeScope();
        var rate = tensor(new[] { 2.0f, 0.5f, 4.0f }, requires_grad: true);
        var y = tensor(new[] { 1.0f, 3.0f, 6.0f });

        PoissonLoss.Compute(rate.log().view(3, 1), y.view(3, 1), ones(3, 1)).backward();

        var expected = new[] { (2 - 1) / 2.0 / 3, (0.5 - 3) / 0.5 / 3, (4 - 6) / 4.0 / 3 };
        var gradient = rate.grad!.data<float>().ToArray();
        for (var index = 0; index < 3; index++)
        {
            Assert.Equal(expected[index], gradient[index], 5);
        }
    }

    [Fact]
    public void Masked_targets_and_tasks_without_targets_do_not_count()
    {
        using var scope = NewDisposeScope();
        var logRate = zeros(2, 2);
        var y = tensor(new[,] { { 1.0f, 100f }, { 1.0f, 100f } });
        var mask = tensor(new[,] { { 1.0f, 0f }, { 1.0f, 0f } });

        Assert.Equal(1.0, PoissonLoss.Compute(logRate, y, mask).item<float>(), 5);
    }
}
