using Forecast.Ml.Forecasting.ManagedForward;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Meta attention (M2M): score_{t,i} = v · Meta(concat(E_i, T_t)), a_{t,i} = softmax_i(score), R_t = Σ_i a_{t,i} E_i.
/// The meta unit is scenario-specific and its input task-specific, so the weighting of experts depends on both.
/// The "without meta attention" ablation uses a static layer instead of the meta unit.
/// Experts [B, k, d_e], tasks [m, d_t], S̃ [B, d_s] → (R [B, m, d_e], attention [B, m, k]).
/// </summary>
public sealed class MetaAttention : nn.Module<Tensor, Tensor, Tensor, (Tensor Representation, Tensor Attention)>
{
    private readonly MetaUnit? _meta;
    private readonly Linear? _static;
    private readonly Linear _score;

    public MetaAttention(int expertDimension, int taskDimension, int scenarioDimension, int hidden, bool useMeta) : base(nameof(MetaAttention))
    {
        if (useMeta)
        {
            _meta = new MetaUnit(scenarioDimension, [expertDimension + taskDimension, hidden]);
        }
        else
        {
            _static = nn.Linear(expertDimension + taskDimension, hidden);
        }

        _score = nn.Linear(hidden, 1, hasBias: false);
        RegisterComponents();
    }

    public override (Tensor Representation, Tensor Attention) forward(Tensor experts, Tensor tasks, Tensor scenario)
    {
        long batch = experts.shape[0], k = experts.shape[1], expertSize = experts.shape[2];
        long m = tasks.shape[0], taskSize = tasks.shape[1];
        var pairs = cat(
            [
                experts.unsqueeze(1).expand(batch, m, k, expertSize),
                tasks.view(1, m, 1, taskSize).expand(batch, m, k, taskSize),
            ],
            3).reshape(batch, m * k, expertSize + taskSize); // [B, m·k, d_e + d_t]
        var hidden = _meta is not null ? _meta.forward(pairs, scenario) : nn.functional.relu(_static!.forward(pairs));
        var attention = _score.forward(hidden).view(batch, m, k).softmax(2); // [B, m, k]
        var representation = (attention.unsqueeze(3) * experts.unsqueeze(1)).sum(2); // [B, m, d_e]
        return (representation, attention);
    }

    /// <summary>Meta attention in managed code; null for the ablation with a static layer.</summary>
    internal MetaAttentionRows? Rows() => _meta is null ? null : new MetaAttentionRows(_meta.Rows(), Weights.Of(_score.weight!));
}
