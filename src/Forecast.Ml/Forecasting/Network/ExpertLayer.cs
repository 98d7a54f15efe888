using Forecast.Ml.Forecasting.ManagedForward;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>Expert view representation (M2M step 3): E_i = f_MLP,i(F) for k experts; [B, F] → [B, k, d].</summary>
public sealed class ExpertLayer : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> _experts;

    public ExpertLayer(int inputSize, int experts, int dimension, double dropout) : base(nameof(ExpertLayer))
    {
        _experts = nn.ModuleList(Enumerable.Range(0, experts)
            .Select(_ => nn.Sequential(nn.Linear(inputSize, dimension), nn.ReLU(), nn.Dropout(dropout), nn.Linear(dimension, dimension), nn.ReLU()))
            .ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor features) => stack(_experts.Select(expert => expert.forward(features)).ToList(), 1);

    internal ExpertRows Rows() => new(_experts.Select(expert =>
    {
        var layers = expert.children().OfType<Linear>().ToList();
        return (AffineMap.Of(layers[0]), AffineMap.Of(layers[1]));
    }).ToList());
}
