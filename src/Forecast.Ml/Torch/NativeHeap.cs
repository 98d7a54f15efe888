using System.Runtime.InteropServices;

namespace Forecast.Ml.Torch;

/// <summary>
/// libtorch and LightGBM allocate through the C library's malloc. Two settings of glibc's matter here:
/// <list type="bullet">
/// <item>A training frees hundreds of MB of tensors and datasets, but glibc keeps freed chunks in its arenas rather than
/// giving them back, so a long-lived process grew with every training. Trimming once a training or scoring run is over
/// returns the freed pages to the system.</item>
/// <item>Between those trims, freed buffers must be reused. glibc's sliding thresholds sometimes gave each forward pass's
/// activations (up to a few MB) fresh pages from the kernel and handed them back after it, making batch scoring several
/// times slower in some processes than in others. Fixed thresholds (buffers under 32 MB from the arenas, up to 128 MB
/// kept free at an arena's top) make every run alike. Figures: docs/decisions/014-native-heap-thresholds-and-trees-beside-m2m.md.</item>
/// </list>
/// </summary>
public static class NativeHeap
{
    private const int TrimThresholdOption = -1; // M_TRIM_THRESHOLD
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD
    private const int MmapThreshold = 32 << 20; // glibc's own ceiling for its sliding threshold
    private const int TrimThreshold = 128 << 20;

    /// <summary>Fixes the allocator's thresholds so freed tensor buffers are reused; once per process, before models run.</summary>
    public static void ReuseFreedBuffers()
    {
        CallGlibc(() =>
        {
            _ = mallopt(MmapThresholdOption, MmapThreshold);
            _ = mallopt(TrimThresholdOption, TrimThreshold);
        });
    }

    /// <summary>Returns the arenas' free pages to the system: after a training or scoring run.</summary>
    public static void Trim() => CallGlibc(() => _ = malloc_trim(0));

    private static void CallGlibc(Action call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            call();
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl, for one): its allocator returns memory by itself and has no such settings.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int option, int value);
}
