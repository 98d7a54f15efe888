using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>PEPNet's Gate NU: x' = ReLU(xW + b), δ = γ·sigmoid(x'W' + b'), so gates scale in (0, γ) around 1.</summary>
public sealed class GateNeuralUnit : nn.Module<Tensor, Tensor>
{
    private readonly Linear _hidden;
    private readonly Linear _gate;
    private readonly double _gamma;

    public GateNeuralUnit(int inputSize, int outputSize, double gamma) : base(nameof(GateNeuralUnit))
    {
        _hidden = nn.Linear(inputSize, outputSize);
        _gate = nn.Linear(outputSize, outputSize);
        _gamma = gamma;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => nn.functional.sigmoid(_gate.forward(nn.functional.relu(_hidden.forward(input)))).Times(_gamma);
}
