using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>An MLP: ReLU hidden layers with dropout, then one logit. [B, in] → [B].</summary>
public sealed class DeepTower : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    public DeepTower(int inputSize, IReadOnlyList<int> hidden, double dropout) : base(nameof(DeepTower))
    {
        var layers = HiddenLayers(inputSize, hidden, dropout);
        layers.Add(nn.Linear(hidden.Count == 0 ? inputSize : hidden[^1], 1));
        _layers = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.forward(input).squeeze(-1);

    /// <summary>Linear → ReLU → dropout for each width of <paramref name="hidden"/>, the tower without its logit.</summary>
    public static List<nn.Module<Tensor, Tensor>> HiddenLayers(int inputSize, IReadOnlyList<int> hidden, double dropout)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var width = inputSize;
        foreach (var size in hidden)
        {
            layers.Add(nn.Linear(width, size));
            layers.Add(nn.ReLU());
            layers.Add(nn.Dropout(dropout));
            width = size;
        }

        return layers;
    }
}
