using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// Split towers (the large-ad-model paper's output layer): a shared tower every row goes through plus one tower per
/// scenario, ŷ = f_shared(h) + fₛ(h), so what scenarios have in common is learned once and what sets a scenario apart
/// is learned only from its rows (its tower receives gradient from no other scenario). [B, in], scenario [B] → [B].
/// </summary>
public sealed class ScenarioTowers : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly DeepTower _shared;
    private readonly ModuleList<DeepTower> _scenarios;

    public ScenarioTowers(int scenarios, int inputSize, IReadOnlyList<int> hidden, double dropout) : base(nameof(ScenarioTowers))
    {
        _shared = new DeepTower(inputSize, hidden, dropout);
        _scenarios = nn.ModuleList(Enumerable.Range(0, scenarios).Select(_ => new DeepTower(inputSize, hidden, dropout)).ToArray());
        RegisterComponents();
    }

    /// <summary>The tower of one scenario: tests read its gradient.</summary>
    public DeepTower Tower(int scenario) => _scenarios[scenario];

    public override Tensor forward(Tensor input, Tensor scenario)
    {
        var own = stack(_scenarios.Select(tower => tower.forward(input)), 1).gather(1, scenario.unsqueeze(1)).squeeze(1);
        return _shared.forward(input).Plus(own);
    }
}
