using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Training;

/// <summary>
/// Starts a new network from a previous one's weights: every parameter whose name and shape match is copied; the rest
/// (an attribute vocabulary that grew, a channel the tenant started sending) keeps its fresh initialisation. Early
/// stopping then only has to follow the data that changed since.
/// </summary>
public static class WarmStart
{
    /// <returns>How many parameter tensors were copied.</returns>
    public static int Copy(nn.Module target, nn.Module previous)
    {
        var weights = previous.named_parameters().ToDictionary(parameter => parameter.name, parameter => parameter.parameter);
        var copied = 0;
        using var _ = no_grad();
        foreach (var (name, parameter) in target.named_parameters())
        {
            if (weights.TryGetValue(name, out var source) && source.shape.SequenceEqual(parameter.shape))
            {
                parameter.copy_(source);
                copied++;
            }
        }

        return copied;
    }
}
