using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// Log Poisson rate per task [B, tasks]; the logit of P(count = 0 over the horizon) per task [B, tasks] (a hurdle head:
/// advertisers that stop produce more zeros than any Poisson mean implies); for attention models, expert weights per
/// task [B, tasks, experts].
/// </summary>
public sealed record RateOutput(Tensor LogRate, Tensor ZeroLogit, Tensor? ExpertAttention);

/// <summary>A neural forecaster: M2M, its ablations and the neural baselines share inputs, loss and training.</summary>
public abstract class RateModel(string name) : nn.Module<ForecastBatch, RateOutput>(name);
