using Forecast.Ml.Forecasting.ManagedForward;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>Scenario knowledge representation (M2M step 5): S̃ = f_MLP(S, A); [B, S+A] → [B, d_s].</summary>
public sealed class ScenarioKnowledge : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _mlp;

    public ScenarioKnowledge(int inputSize, int dimension) : base(nameof(ScenarioKnowledge))
    {
        _mlp = nn.Sequential(nn.Linear(Math.Max(1, inputSize), dimension), nn.ReLU(), nn.Linear(dimension, dimension), nn.Tanh());
        RegisterComponents();
    }

    public override Tensor forward(Tensor scenarioAndAdvertiser) =>
        _mlp.forward(scenarioAndAdvertiser.shape[1] == 0 ? ones(scenarioAndAdvertiser.shape[0], 1) : scenarioAndAdvertiser);

    internal ScenarioKnowledgeRows Rows()
    {
        var layers = _mlp.children().OfType<Linear>().ToList();
        return new ScenarioKnowledgeRows(AffineMap.Of(layers[0]), AffineMap.Of(layers[1]));
    }
}
