using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>One embedding table for all categorical fields (each field an offset range): codes [B, F] → [B, F, d].</summary>
public sealed class FieldEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _table;
    private readonly Tensor _offsets;

    public FieldEmbeddings(IReadOnlyList<int> cardinalities, int dimension) : base(nameof(FieldEmbeddings))
    {
        var offsets = new long[cardinalities.Count];
        for (var field = 1; field < cardinalities.Count; field++)
        {
            offsets[field] = offsets[field - 1] + cardinalities[field - 1];
        }

        _table = nn.Embedding(cardinalities.Sum(), dimension);
        nn.init.normal_(_table.weight!, std: 0.01);
        _offsets = tensor(offsets).unsqueeze(0);
        RegisterComponents();
        register_buffer("offsets", _offsets, persistent: false);
    }

    /// <summary>The table itself: tests read its gradient.</summary>
    public Parameter Weight => _table.weight!;

    public override Tensor forward(Tensor codes) => _table.forward(codes.Plus(_offsets));
}
