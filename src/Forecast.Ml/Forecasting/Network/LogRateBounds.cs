using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Network;

/// <summary>
/// The range a log rate (in a task's scaled units, where 0 is the task's training mean) is held to before it is
/// exponentiated: e^±30 is 10¹³ times above or below the mean, beyond any real delivery, yet far inside float32 (whose
/// exp overflows past 88). An unbounded head once turned a warm-started retraining's loss infinite; bounded, no data
/// can make a rate, a loss or a deviance non-finite. Training, evaluation and the managed forward all bound alike.
/// </summary>
public static class LogRateBounds
{
    public const float Limit = 30f;

    public static Tensor Bounded(this Tensor logRate) => logRate.Between(-Limit, Limit);

    public static float Bounded(float logRate) => Math.Clamp(float.IsNaN(logRate) ? 0f : logRate, -Limit, Limit);
}
