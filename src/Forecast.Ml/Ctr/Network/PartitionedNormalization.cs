using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// Partitioned normalization (STAR, Sheng et al. 2021; the large-ad-model paper's hidden layer): each scenario's rows are
/// normalised with that scenario's own statistics, then scaled and shifted by shared and per-scenario parameters,
/// z' = (γ ⊙ γₛ) ⊙ (z − μₛ) / √(σ²ₛ + ε) + (β + βₛ). While training μₛ, σ²ₛ are the batch's moments over the
/// scenario's rows (a scenario with fewer than two rows in the batch uses its running moments), and running moments per
/// scenario are kept for scoring. A row's gradient reaches only its own scenario's γₛ, βₛ. [B, H], scenario [B] → [B, H].
/// </summary>
public sealed class PartitionedNormalization : nn.Module<Tensor, Tensor, Tensor>
{
    private const double Epsilon = 1e-5;
    private const double Momentum = 0.1;

    private readonly int _scenarios;
    private readonly Parameter _sharedScale;
    private readonly Parameter _sharedShift;
    private readonly Embedding _scenarioScale;
    private readonly Embedding _scenarioShift;
    private readonly Tensor _runningMean;
    private readonly Tensor _runningVariance;

    public PartitionedNormalization(int scenarios, int width) : base(nameof(PartitionedNormalization))
    {
        _scenarios = scenarios;
        _sharedScale = nn.Parameter(ones(width));
        _sharedShift = nn.Parameter(zeros(width));
        _scenarioScale = nn.Embedding(scenarios, width);
        _scenarioShift = nn.Embedding(scenarios, width);
        nn.init.ones_(_scenarioScale.weight!);
        nn.init.zeros_(_scenarioShift.weight!);
        _runningMean = zeros(scenarios, width);
        _runningVariance = ones(scenarios, width);
        RegisterComponents();
        register_buffer("running_mean", _runningMean);
        register_buffer("running_variance", _runningVariance);
    }

    /// <summary>Per-scenario scale and shift [S, H] each: tests read which rows received gradient.</summary>
    public (Parameter Scale, Parameter Shift) ScenarioParameters => (_scenarioScale.weight!, _scenarioShift.weight!);

    /// <summary>The running mean per scenario [S, H] used when scoring.</summary>
    public Tensor RunningMean => _runningMean;

    public override Tensor forward(Tensor hidden, Tensor scenario)
    {
        var (mean, variance) = training ? BatchMoments(hidden, scenario) : (_runningMean, _runningVariance);
        var normalised = (hidden - mean.index_select(0, scenario)) * variance.index_select(0, scenario).add(SafeArithmetic.Real(Epsilon), SafeArithmetic.Real(1)).rsqrt();
        var scale = _sharedScale.unsqueeze(0) * _scenarioScale.forward(scenario);
        var shift = _sharedShift.unsqueeze(0).Plus(_scenarioShift.forward(scenario));
        return (normalised * scale).Plus(shift);
    }

    /// <summary>The batch's mean and variance per scenario [S, H], running moments where a scenario has under two rows; updates the running moments.</summary>
    private (Tensor Mean, Tensor Variance) BatchMoments(Tensor hidden, Tensor scenario)
    {
        var membership = nn.functional.one_hot(scenario, _scenarios).to_type(hidden.dtype);
        var rows = membership.sum(dim: 0).unsqueeze(1);
        var perRow = rows.AtLeast(1);
        var batchMean = membership.t().mm(hidden) / perRow;
        var centred = hidden - batchMean.index_select(0, scenario);
        var batchVariance = membership.t().mm(centred * centred) / perRow;
        var measured = rows.Above(1.5);
        var mean = where(measured, batchMean, _runningMean);
        var variance = where(measured, batchVariance, _runningVariance);
        using (no_grad())
        {
            _runningMean.copy_(where(measured, _runningMean.Times(1 - Momentum).Plus(batchMean.Times(Momentum)), _runningMean));
            _runningVariance.copy_(where(measured, _runningVariance.Times(1 - Momentum).Plus(batchVariance.Times(Momentum)), _runningVariance));
        }

        return (mean, variance);
    }
}
