using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

/// <summary>Random inputs of a given shape, for module-level tests that need no data.</summary>
internal static class SyntheticBatch
{
    public static readonly ModelDimensions Dimensions = new(14, 2, 6, 5, [3, 4], [5], 4);

    public static ForecastBatch Create(int size, long seed = 1)
    {
        manual_seed(seed);
        return new ForecastBatch(
            randn(size, 14, 2),
            randn(size, 14, 6),
            randn(size, 5),
            stack([randint(0, 3, size), randint(0, 4, size)], 1),
            randint(0, 5, [size, 1]),
            randn(size, 4) * 0.1,
            rand(size, 4) * 3,
            ones(size, 4));
    }
}
