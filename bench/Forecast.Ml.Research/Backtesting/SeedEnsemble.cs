using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Research.Backtesting;

/// <summary>
/// Members of one architecture trained from different seeds, averaged: rates and zero probabilities are means over
/// members (returned as logs and logits), attention too. On a few thousand samples a single network's test error
/// moves with its seed by more than the differences between architectures; averaging makes comparisons meaningful.
/// </summary>
public sealed class SeedEnsemble : RateModel
{
    private readonly ModuleList<RateModel> _members;

    public SeedEnsemble(IReadOnlyList<RateModel> members) : base(nameof(SeedEnsemble))
    {
        _members = nn.ModuleList(members.ToArray());
        RegisterComponents();
    }

    /// <summary>The first member: what a served model is (one network), for timing inference.</summary>
    public RateModel First => _members[0];

    public override RateOutput forward(ForecastBatch batch)
    {
        var outputs = _members.Select(member => member.forward(batch)).ToList();
        var rate = stack(outputs.Select(output => output.LogRate.Bounded().exp()).ToList()).mean([0]);
        var zero = stack(outputs.Select(output => output.ZeroLogit.sigmoid()).ToList()).mean([0]).Between(1e-6, 1 - 1e-6);
        var attention = outputs[0].ExpertAttention is null
            ? null
            : stack(outputs.Select(output => output.ExpertAttention!).ToList()).mean([0]);
        return new RateOutput(rate.log(), zero.log() - (-zero).log1p(), attention);
    }
}
