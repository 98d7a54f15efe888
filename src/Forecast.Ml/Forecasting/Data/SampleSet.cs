namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// Samples — one per (advertiser, scenario, as-of day) — as flat row-major arrays, ready to become tensors.
/// Performance is [N, T, Fp], behaviour [N, T, Fb], dense [N, Fd], codes [N, attributes], targets [N, tasks] with NaN
/// where a task has no data.
/// </summary>
public sealed class SampleSet
{
    public required int Count { get; init; }

    public required int HistoryDays { get; init; }

    public required float[] Performance { get; init; }

    public required float[] Behaviour { get; init; }

    public required float[] Dense { get; init; }

    public required long[] ScenarioCodes { get; init; }

    public required long[] AdvertiserCodes { get; init; }

    public required float[] Targets { get; init; }

    /// <summary>The recent level per task [N, tasks]: H × the mean daily value of the last 7 days (the model's offset).</summary>
    public required float[] RecentLevel { get; init; }

    public required int[] SeriesIndex { get; init; }

    public required int[] AsOfDay { get; init; }

    public float Target(int sample, ForecastTask task) => Targets[(sample * ForecastTasks.All.Count) + (int)task];

    /// <summary>The samples whose target of <paramref name="task"/> is known (not NaN).</summary>
    public List<int> KnownSamples(ForecastTask task) =>
        Enumerable.Range(0, Count).Where(sample => !float.IsNaN(Target(sample, task))).ToList();

    /// <summary>The known targets of a task beside the matching values of a per-sample, per-task array [N, tasks].</summary>
    public (List<double> Actual, List<double> Forecast) Pairs(float[] perTask, ForecastTask task)
    {
        var known = KnownSamples(task);
        return (known.Select(sample => (double)Target(sample, task)).ToList(),
            known.Select(sample => (double)perTask[(sample * ForecastTasks.All.Count) + (int)task]).ToList());
    }
}
