using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Network;

/// <summary>
/// The position-bias network of the large-ad-model paper's representation layer: a shallow network of where the ad was
/// shown, b = MLP([e_slot; e_scenario]), whose logit adds to the deep model's, so the slot's own click propensity is
/// learned apart from the advertiser's relevance instead of through every interaction of the deep tower. The data has
/// no ad position; its slot is the 4-hour delivery slot, which every bid request also names, so the bias is kept when
/// scoring. slot [B], scenario [B] → [B].
/// </summary>
public sealed class PositionBias : nn.Module<Tensor, Tensor, Tensor>
{
    private const int Width = 4;

    private readonly Embedding _slots;
    private readonly Embedding _scenarios;
    private readonly Sequential _network;

    public PositionBias(int slots, int scenarios) : base(nameof(PositionBias))
    {
        _slots = nn.Embedding(slots, Width);
        _scenarios = nn.Embedding(scenarios, Width);
        _network = nn.Sequential(nn.Linear(2 * Width, 2 * Width), nn.ReLU(), nn.Linear(2 * Width, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor slot, Tensor scenario) =>
        _network.forward(cat([_slots.forward(slot), _scenarios.forward(scenario)], 1)).squeeze(-1);
}
