using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// FieldNetwork (the large-ad-model paper's representation layer): per-scenario weights on the shared field embeddings,
/// ẽ_f = w_{s,f} ⊙ e_f, so every scenario reads the same embeddings with its own emphasis per field and dimension while
/// the embeddings keep learning from all scenarios. The weights start at 1 (the shared embeddings unchanged) and a
/// row's gradient reaches only its own scenario's weights. embedded [B, F, d], scenario [B] → [B, F, d].
/// </summary>
public sealed class FieldNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _weights;

    public FieldNetwork(int scenarios, int fields, int dimension) : base(nameof(FieldNetwork))
    {
        _weights = nn.Embedding(scenarios, fields * dimension);
        nn.init.ones_(_weights.weight!);
        RegisterComponents();
    }

    /// <summary>The weights, one row per scenario [S, F·d]: tests read which rows received gradient.</summary>
    public Parameter Weight => _weights.weight!;

    public override Tensor forward(Tensor embedded, Tensor scenario) => embedded * _weights.forward(scenario).view_as(embedded);
}
