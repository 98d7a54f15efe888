using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// The scoring path of a post-norm Transformer encoder layer, written batch-first on the layer's own parameters:
/// x₁ = LN₁(x + W_o·SDPA(x W_q, x W_k, x W_v)), out = LN₂(x₁ + W₂ ReLU(W₁ x₁)). Dropout is off when scoring, so it is the
/// layer's eval-mode output (equal to float rounding; a test compares them). libtorch's C++ layer takes the sequence-first
/// layout and runs multi-head attention as a long chain of small ops; this runs one fused attention call and no layout
/// copies, the bulk of what scoring an advertiser costs. Training keeps the module (its dropout).
/// </summary>
public sealed class EncoderLayerInference
{
    private const double NormEpsilon = 1e-5;

    private readonly int _heads;
    private readonly Tensor _inWeight, _inBias, _outWeight, _outBias;
    private readonly Tensor _firstWeight, _firstBias, _secondWeight, _secondBias;
    private readonly Tensor _norm1Weight, _norm1Bias, _norm2Weight, _norm2Bias;

    public EncoderLayerInference(TransformerEncoderLayer layer, int heads)
    {
        // The parameters themselves, not copies: loading weights or restoring the best epoch writes into them in place.
        var parameters = layer.named_parameters().ToDictionary(parameter => parameter.name, parameter => (Tensor)parameter.parameter);
        _heads = heads;
        (_inWeight, _inBias) = (parameters["self_attn.in_proj_weight"], parameters["self_attn.in_proj_bias"]);
        (_outWeight, _outBias) = (parameters["self_attn.out_proj.weight"], parameters["self_attn.out_proj.bias"]);
        (_firstWeight, _firstBias) = (parameters["linear1.weight"], parameters["linear1.bias"]);
        (_secondWeight, _secondBias) = (parameters["linear2.weight"], parameters["linear2.bias"]);
        (_norm1Weight, _norm1Bias) = (parameters["norm1.weight"], parameters["norm1.bias"]);
        (_norm2Weight, _norm2Bias) = (parameters["norm2.weight"], parameters["norm2.bias"]);
    }

    /// <summary>[B, T, d] → [B, T, d].</summary>
    public Tensor Forward(Tensor input)
    {
        long batch = input.shape[0], days = input.shape[1], width = input.shape[2];
        var qkv = nn.functional.linear(input, _inWeight, _inBias).view(batch, days, 3, _heads, width / _heads).permute(2, 0, 3, 1, 4);
        var context = nn.functional.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2]).transpose(1, 2).reshape(batch, days, width);
        var attended = nn.functional.layer_norm(
            input.Plus(nn.functional.linear(context, _outWeight, _outBias)), [width], _norm1Weight, _norm1Bias, NormEpsilon);
        var fed = nn.functional.linear(nn.functional.relu(nn.functional.linear(attended, _firstWeight, _firstBias)), _secondWeight, _secondBias);
        return nn.functional.layer_norm(attended.Plus(fed), [width], _norm2Weight, _norm2Bias, NormEpsilon);
    }

    /// <summary>The same layer in managed code, on copies of its weights.</summary>
    internal EncoderLayerRows Rows() => new(
        _heads,
        AffineMap.Of(_inWeight, _inBias),
        AffineMap.Of(_outWeight, _outBias),
        AffineMap.Of(_firstWeight, _firstBias),
        AffineMap.Of(_secondWeight, _secondBias),
        (Weights.Of(_norm1Weight), Weights.Of(_norm1Bias)),
        (Weights.Of(_norm2Weight), Weights.Of(_norm2Bias)));
}
