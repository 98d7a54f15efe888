using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Encodes a daily sequence [B, T, F] into [B, d] (M2M backbone, step 2): a linear embedding plus learned positional
/// embeddings, then MH(X) — a Transformer encoder layer — and a mean over days. The "without transformer" ablation
/// replaces attention by an MLP over the flattened embedded sequence.
/// </summary>
public sealed class SequenceEncoder : nn.Module<Tensor, Tensor>
{
    private readonly Linear _embed;
    private readonly Parameter _positions;
    private readonly TransformerEncoderLayer? _transformer;
    private readonly EncoderLayerInference? _scoring;
    private readonly Linear? _flatten;

    public SequenceEncoder(int features, int historyDays, int dimension, int heads, bool useTransformer) : base(nameof(SequenceEncoder))
    {
        _embed = nn.Linear(features, dimension);
        _positions = nn.Parameter(randn(historyDays, dimension) * 0.02);
        if (useTransformer)
        {
            _transformer = nn.TransformerEncoderLayer(dimension, heads, 2 * dimension, 0.1);
            _scoring = new EncoderLayerInference(_transformer, heads);
        }
        else
        {
            _flatten = nn.Linear(historyDays * dimension, dimension);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor sequence)
    {
        var embedded = _embed.forward(sequence).Plus(_positions); // [B, T, d]
        if (_transformer is not null)
        {
            // TorchSharp's encoder is sequence-first: [T, B, d]; transposing keeps samples of a batch apart.
            var encoded = training ? _transformer.call(embedded.transpose(0, 1)).transpose(0, 1) : _scoring!.Forward(embedded);
            return encoded.mean([1]);
        }

        return nn.functional.relu(_flatten!.forward(embedded.flatten(1)));
    }

    /// <summary>The encoder in managed code; null for the ablation without a transformer.</summary>
    internal SequenceEncoderRows? Rows() =>
        _scoring is null ? null : new SequenceEncoderRows(AffineMap.Of(_embed), Weights.Of(_positions), _scoring.Rows());
}
