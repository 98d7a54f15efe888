using Forecast.Ml.Forecasting.ManagedForward;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Meta unit (M2M §meta learning): an MLP whose weights and biases are generated from the scenario knowledge S̃,
/// h^(i) = σ(W^(i-1)(S̃) h^(i-1) + b^(i-1)(S̃)), with W(S̃) a linear map of S̃ reshaped into the layer matrix. Every
/// scenario — a new one included — thereby gets its own network. Input [B, N, in] with S̃ [B, d_s] → [B, N, out].
/// </summary>
public sealed class MetaUnit : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<Linear> _weightGenerators;
    private readonly ModuleList<Linear> _biasGenerators;
    private readonly int[] _sizes;

    public MetaUnit(int scenarioDimension, IReadOnlyList<int> sizes) : base(nameof(MetaUnit))
    {
        _sizes = [.. sizes];
        _weightGenerators = nn.ModuleList(Enumerable.Range(0, sizes.Count - 1)
            .Select(layer => nn.Linear(scenarioDimension, sizes[layer] * sizes[layer + 1])).ToArray());
        _biasGenerators = nn.ModuleList(Enumerable.Range(0, sizes.Count - 1)
            .Select(layer => nn.Linear(scenarioDimension, sizes[layer + 1])).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor scenario)
    {
        var batch = scenario.shape[0];
        var hidden = input;
        for (var layer = 0; layer < _weightGenerators.Count; layer++)
        {
            var weights = GeneratedWeights(scenario, layer).view(batch, _sizes[layer], _sizes[layer + 1]);
            var bias = _biasGenerators[layer].forward(scenario).view(batch, 1, _sizes[layer + 1]);
            hidden = nn.functional.relu(bmm(hidden, weights).Plus(bias));
        }

        return hidden;
    }

    /// <summary>W^(layer)(S̃), flattened [B, in × out]; scaled by 1/√in so generated layers keep activations in range.</summary>
    public Tensor GeneratedWeights(Tensor scenario, int layer) =>
        _weightGenerators[layer].forward(scenario).DividedBy(Math.Sqrt(_sizes[layer]));

    internal MetaUnitRows Rows() =>
        new(_weightGenerators.Zip(_biasGenerators, (weights, bias) => (AffineMap.Of(weights), AffineMap.Of(bias))).ToList());
}
