using Forecast.Ml.Forecasting.ManagedForward;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>One embedding table per categorical attribute, concatenated: codes [B, attributes] → [B, attributes × dim].</summary>
public sealed class CategoricalEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Embedding> _tables;

    public CategoricalEmbeddings(IReadOnlyList<int> cardinalities, int dimension) : base(nameof(CategoricalEmbeddings))
    {
        Dimension = dimension;
        OutputSize = cardinalities.Count * dimension;
        _tables = nn.ModuleList(cardinalities.Select(cardinality => nn.Embedding(cardinality, dimension)).ToArray());
        RegisterComponents();
    }

    public int Dimension { get; }

    public int OutputSize { get; }

    public override Tensor forward(Tensor codes) =>
        _tables.Count == 0
            ? zeros([codes.shape[0], 0])
            : cat(_tables.Select((table, index) => table.forward(codes[.., index])).ToList(), 1);

    internal CategoricalEmbeddingRows Rows() => new(_tables.Select(table => Weights.Of(table.weight!)).ToList(), Dimension);
}
