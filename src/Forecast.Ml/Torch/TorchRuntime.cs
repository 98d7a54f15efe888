using TorchSharp;

namespace Forecast.Ml.Torch;

/// <summary>
/// Process-wide TorchSharp set-up. Thread count is process-wide in libtorch, so the host decides it once: an API that
/// serves requests and a worker that trains must not both assume they own every core.
/// </summary>
public static class TorchRuntime
{
    /// <summary>libtorch's intra-op threads, and the native heap's reuse of freed tensor buffers (<see cref="NativeHeap"/>).</summary>
    public static void Configure(int threads)
    {
        torch.set_num_threads(Math.Max(1, threads));
        NativeHeap.ReuseFreedBuffers();
    }

    /// <summary>
    /// Creates and reduces a tensor: proves the native libraries load (the usual failure is a missing or unpatched
    /// libLibTorchSharp.so, see build/torchsharp-debian12), without which no model can train or predict.
    /// </summary>
    public static string? NativeLoadFailure()
    {
        try
        {
            using var scope = torch.NewDisposeScope();
            return torch.ones(4).sum().item<float>() == 4f ? null : "libtorch returned a wrong sum";
        }
        catch (Exception exception) when (exception is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            return exception.InnerException?.Message ?? exception.Message;
        }
    }
}
