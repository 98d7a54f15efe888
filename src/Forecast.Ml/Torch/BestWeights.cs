using static TorchSharp.torch;

namespace Forecast.Ml.Torch;

/// <summary>A copy of a network's weights at its best epoch so far, put back when training ends (early stopping).</summary>
public sealed class BestWeights : IDisposable
{
    private Dictionary<string, Tensor>? _weights;

    public void Keep(nn.Module network)
    {
        Dispose();
        // A clone made without autograd needs no detached alias: an undisposed alias would keep the network's own
        // storage alive after the network is disposed, until a finalizer that native memory pressure never triggers.
        using var noGrad = no_grad();
        _weights = network.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.clone());
    }

    public void Restore(nn.Module network)
    {
        if (_weights is not null)
        {
            network.load_state_dict(_weights);
        }
    }

    public void Dispose()
    {
        foreach (var tensor in _weights?.Values.AsEnumerable() ?? [])
        {
            tensor.Dispose();
        }

        _weights = null;
    }
}
