using System.Collections.Concurrent;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;

namespace Forecast.Ml.Forecasting.Ensemble;

/// <summary>One source's share of a served forecast.</summary>
public sealed record SourceWeight(string Source, double Weight);

/// <summary>
/// Which forecaster serves one task for one group of series — a scenario, an activity segment, both, or every series
/// without a group of its own (nulls) — a single source or a blend of two, with the validation scores that chose it
/// next to the seasonal naive's on the same samples.
/// </summary>
public sealed record TaskBlend(
    string Task,
    string? Scenario,
    string? Segment,
    IReadOnlyList<SourceWeight> Weights,
    int ValidationSamples,
    double ValidationSmape,
    double ValidationNmae,
    double NaiveSmape,
    double NaiveNmae)
{
    private string? _description;

    /// <summary>"m2m", or "0.7 m2m + 0.3 seasonal-naive-7d" for a blend.</summary>
    public string Describe() => _description ??= Weights.Count == 1
        ? Weights[0].Source
        : string.Join(" + ", Weights.Select(weight => $"{weight.Weight:0.0#} {weight.Source}"));

    /// <summary>"clicks", "clicks@app", "clicks[dormant]", "clicks@app[high]".</summary>
    public string Group => $"{Task}{(Scenario is null ? "" : $"@{Scenario}")}{(Segment is null ? "" : $"[{Segment}]")}";

    public float Combine(IReadOnlyDictionary<string, float[]> values, int index)
    {
        double total = 0;
        foreach (var weight in Weights)
        {
            total += weight.Weight * values[weight.Source][index];
        }

        return (float)total;
    }
}

/// <summary>
/// The baseline guard of the served model. On the most recent validation days, every candidate — M2M, the trees and
/// the statistical baselines — is scored per task, and per scenario and activity segment where they have enough
/// samples; the lowest loss serves, alone or blended with the runner-up at a weight fitted on the same days. The loss
/// is the mean of SMAPE and NMAE, each relative to the seasonal naive's on the same samples, so a served group is
/// never worse than a baseline there. Segments split series by their last 7 days of the task: dormant (nothing), low
/// and high (around the median): stopped, small and large advertisers are served best by different forecasters, and
/// SMAPE is decided by the small ones while NMAE is decided by the large.
/// </summary>
public sealed record ServedSelection(IReadOnlyList<TaskBlend> Blends, IReadOnlyDictionary<string, double> SegmentThresholds)
{
    /// <summary>A group gets its own choice from this many validation samples of a task on.</summary>
    public const int MinGroupSamples = 100;

    public const string Dormant = "dormant";
    public const string Low = "low";
    public const string High = "high";

    /// <summary>The name of the served forecasts themselves in score tables.</summary>
    public const string Served = "served";

    public static readonly string Reference = NaiveForecaster.SeasonalWeekly.Key();

    private static readonly double[] BlendWeights = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    // Scoring asks once per series and task: resolved choices are kept (the selection never changes once fitted).
    private readonly ConcurrentDictionary<(ForecastTask Task, string Scenario, string Segment), TaskBlend> _resolved = new();

    /// <summary>The most specific choice for a series: scenario and segment, then segment, then scenario, then the task's.</summary>
    public TaskBlend For(ForecastTask task, string scenario, string segment) =>
        _resolved.GetOrAdd((task, scenario, segment), key =>
        {
            var name = key.Task.Name();
            TaskBlend? Find(string? inScenario, string? inSegment) =>
                Blends.FirstOrDefault(blend => blend.Task == name && blend.Scenario == inScenario && blend.Segment == inSegment);
            return Find(key.Scenario, key.Segment) ?? Find(null, key.Segment) ?? Find(key.Scenario, null) ?? Find(null, null)!;
        });

    /// <summary>The activity segment of a series from the seasonal naive's value of the task (its last 7 days).</summary>
    public string SegmentOf(ForecastTask task, double recentLevel) =>
        recentLevel <= 0 ? Dormant : recentLevel <= SegmentThresholds.GetValueOrDefault(task.Name()) ? Low : High;

    /// <summary>The choice serving one sample of a set whose candidate values (points or rates) are given.</summary>
    public TaskBlend For(ForecastTask task, int sample, string scenario, IReadOnlyDictionary<string, float[]> values) =>
        For(task, scenario, SegmentOf(task, values[Reference][(sample * ForecastTasks.All.Count) + (int)task]));

    /// <summary>The choice serving every sample and task [N, tasks] (null for untrained tasks), from the candidates' points.</summary>
    public TaskBlend?[] Choices(SampleSet samples, SeriesPanel panel, IReadOnlyDictionary<string, float[]> points, IReadOnlyList<ForecastTask> trainedTasks)
    {
        var tasks = ForecastTasks.All.Count;
        var choices = new TaskBlend?[samples.Count * tasks];
        for (var sample = 0; sample < samples.Count; sample++)
        {
            var scenario = panel.Series[samples.SeriesIndex[sample]].ScenarioKey;
            foreach (var task in trainedTasks)
            {
                choices[(sample * tasks) + (int)task] = For(task, sample, scenario, points);
            }
        }

        return choices;
    }

    /// <summary>The served value of every sample and task [N, tasks] from the candidates' values (points or rates).</summary>
    public static float[] Combine(TaskBlend?[] choices, IReadOnlyDictionary<string, float[]> values) =>
        choices.Select((choice, index) => choice?.Combine(values, index) ?? 0f).ToArray();

    public static ServedSelection Fit(SampleSet validation, SeriesPanel panel, IReadOnlyDictionary<string, float[]> points, IReadOnlyList<ForecastTask> trainedTasks)
    {
        var tasks = ForecastTasks.All.Count;
        var blends = new List<TaskBlend>();
        var thresholds = new Dictionary<string, double>();
        foreach (var task in trainedTasks)
        {
            var known = validation.KnownSamples(task);
            var levels = known.Select(sample => (double)points[Reference][(sample * tasks) + (int)task]).Where(level => level > 0).Order().ToList();
            var threshold = thresholds[task.Name()] = levels.Count == 0 ? 0 : levels[levels.Count / 2];
            var selection = new ServedSelection([], thresholds);
            string Scenario(int sample) => panel.Series[validation.SeriesIndex[sample]].ScenarioKey;
            string Segment(int sample) => selection.SegmentOf(task, points[Reference][(sample * tasks) + (int)task]);

            blends.Add(FitGroup(task, null, null, known, validation, points));
            var groups = known.GroupBy(sample => (Scenario: (string?)Scenario(sample), Segment: (string?)null))
                .Concat(known.GroupBy(sample => (Scenario: (string?)null, Segment: (string?)Segment(sample))))
                .Concat(known.GroupBy(sample => (Scenario: (string?)Scenario(sample), Segment: (string?)Segment(sample))));
            foreach (var group in groups.Where(group => group.Count() >= MinGroupSamples))
            {
                blends.Add(FitGroup(task, group.Key.Scenario, group.Key.Segment, group.ToList(), validation, points));
            }
        }

        return new ServedSelection(blends, thresholds);
    }

    private static TaskBlend FitGroup(
        ForecastTask task, string? scenario, string? segment, List<int> samples, SampleSet validation, IReadOnlyDictionary<string, float[]> points)
    {
        var tasks = ForecastTasks.All.Count;
        var actual = samples.Select(sample => (double)validation.Target(sample, task)).ToList();
        List<double> Values(string source) => samples.Select(sample => (double)points[source][(sample * tasks) + (int)task]).ToList();
        var naive = Values(Reference);
        var (naiveSmape, naiveNmae) = (ForecastMetrics.Smape(actual, naive), ForecastMetrics.Nmae(actual, naive));
        (double Loss, double Smape, double Nmae) Score(List<double> forecast)
        {
            var (smape, nmae) = (ForecastMetrics.Smape(actual, forecast), ForecastMetrics.Nmae(actual, forecast));
            return ((Relative(smape, naiveSmape) + Relative(nmae, naiveNmae)) / 2, smape, nmae);
        }

        var singles = points.Keys.Order(StringComparer.Ordinal)
            .Select(source => (Weights: (IReadOnlyList<SourceWeight>)[new SourceWeight(source, 1)], Score: Score(Values(source))))
            .OrderBy(candidate => candidate.Score.Loss)
            .ToList();
        var best = singles[0];
        if (singles.Count > 1)
        {
            var (firstSource, secondSource) = (singles[0].Weights[0].Source, singles[1].Weights[0].Source);
            var (first, second) = (Values(firstSource), Values(secondSource));
            foreach (var weight in BlendWeights)
            {
                var score = Score(first.Select((value, index) => (weight * value) + ((1 - weight) * second[index])).ToList());
                if (score.Loss < best.Score.Loss)
                {
                    best = ([new SourceWeight(firstSource, weight), new SourceWeight(secondSource, 1 - weight)], score);
                }
            }
        }

        return new TaskBlend(task.Name(), scenario, segment, best.Weights, samples.Count, best.Score.Smape, best.Score.Nmae, naiveSmape, naiveNmae);
    }

    /// <summary>A ratio to the reference; where the reference is perfect, any error counts fully.</summary>
    private static double Relative(double value, double reference) => reference > 1e-9 ? value / reference : value > 1e-9 ? 2 : 1;
}
