using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class EncoderLayerInferenceTests
{
    [Fact]
    public void The_scoring_path_gives_the_transformer_layers_eval_output_also_after_its_weights_are_loaded()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var layer = nn.TransformerEncoderLayer(32, 2, 64, 0.1);
        var scoring = new EncoderLayerInference(layer, heads: 2);
        manual_seed(2);
        var trained = nn.TransformerEncoderLayer(32, 2, 64, 0.1);
        layer.load_state_dict(trained.state_dict());
        layer.eval();
        var sequences = randn(5, 14, 32);

        using var inference = inference_mode();
        var expected = layer.call(sequences.transpose(0, 1)).transpose(0, 1);
        var scored = scoring.Forward(sequences);

        Assert.Equal(expected.shape, scored.shape);
        Assert.True(allclose(scored, expected, rtol: 0, atol: 1e-5), $"largest difference {(scored - expected).abs().max().item<float>()}");
        Assert.False(allclose(scored, new EncoderLayerInference(nn.TransformerEncoderLayer(32, 2, 64, 0.1), heads: 2).Forward(sequences)));
    }
}
