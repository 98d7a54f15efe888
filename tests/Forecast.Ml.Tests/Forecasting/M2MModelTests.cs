using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Research.StudyModels;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class M2MModelTests
{
    [Fact]
    public void Forward_gives_a_rate_and_a_zero_logit_per_task_and_attention_over_experts()
    {
        using var scope = NewDisposeScope();
        var model = new M2MModel(SyntheticBatch.Dimensions, new M2MConfig(Experts: 3));
        model.eval();

        var output = model.forward(SyntheticBatch.Create(5));

        Assert.Equal([5L, 4], output.LogRate.shape);
        Assert.Equal([5L, 4], output.ZeroLogit.shape);
        Assert.Equal([5L, 4, 3], output.ExpertAttention!.shape);
    }

    [Fact]
    public void Attention_weights_sum_to_one_over_experts()
    {
        using var scope = NewDisposeScope();
        var model = new M2MModel(SyntheticBatch.Dimensions, new M2MConfig());
        model.eval();

        var attention = model.forward(SyntheticBatch.Create(8)).ExpertAttention!;

        Assert.True(allclose(attention.sum(2), ones(8, 4), rtol: 1e-5, atol: 1e-6));
        Assert.True((attention >= 0).all().item<bool>());
    }

    [Fact]
    public void Permuting_the_samples_of_a_batch_permutes_the_forecasts_the_same_way()
    {
        using var scope = NewDisposeScope();
        var model = new M2MModel(SyntheticBatch.Dimensions, new M2MConfig());
        model.eval();
        var batch = SyntheticBatch.Create(6);
        var order = tensor(new long[] { 5, 3, 1, 0, 2, 4 });

        var permutedThenForecast = model.forward(batch.Select(order)).LogRate;
        var forecastThenPermuted = model.forward(batch).LogRate.index_select(0, order);

        Assert.True(allclose(permutedThenForecast, forecastThenPermuted, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Ablations_build_and_forward()
    {
        using var scope = NewDisposeScope();
        foreach (var config in new[]
        {
            new M2MConfig(UseMetaTower: false),
            new M2MConfig(UseMetaAttention: false),
            new M2MConfig(UseTransformer: false),
        })
        {
            var model = new M2MModel(SyntheticBatch.Dimensions, config);
            Assert.Equal([3L, 4], model.forward(SyntheticBatch.Create(3)).LogRate.shape);
        }
    }

    [Fact]
    public void Baselines_give_one_rate_per_task()
    {
        using var scope = NewDisposeScope();
        var batch = SyntheticBatch.Create(4);

        Assert.Equal([4L, 4], new SharedBottomModel(SyntheticBatch.Dimensions).forward(batch).LogRate.shape);
        Assert.Equal([4L, 4, 4], new MmoeModel(SyntheticBatch.Dimensions).forward(batch).ExpertAttention!.shape);
    }
}
