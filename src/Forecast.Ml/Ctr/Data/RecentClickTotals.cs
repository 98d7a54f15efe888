namespace Forecast.Ml.Ctr.Data;

/// <summary>
/// What an advertiser delivered before a moment, summed at three levels — in the observation's scenario and context,
/// in its scenario, everywhere — over the windows of <see cref="WindowDays"/>: the inputs of the historical CTRs, the
/// lookup a planner would price with. Indexed [level × windows + window].
/// </summary>
public sealed record RecentClickTotals(long[] Impressions, long[] Clicks)
{
    public static readonly IReadOnlyList<int> WindowDays = [1, 7, 28, 365];

    public const int ContextLevel = 0;
    public const int ScenarioLevel = 1;
    public const int AdvertiserLevel = 2;
    public const int Levels = 3;

    public static RecentClickTotals Empty => new(new long[Levels * WindowDays.Count], new long[Levels * WindowDays.Count]);

    public long ImpressionsAt(int level, int window) => Impressions[(level * WindowDays.Count) + window];

    public long ClicksAt(int level, int window) => Clicks[(level * WindowDays.Count) + window];

    /// <summary>A canonical text of an observation's context: the key whose CTRs the context level sums.</summary>
    public static string ContextKey(IReadOnlyDictionary<string, string> context) =>
        string.Join('&', context.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));

    /// <summary>
    /// Each observation's totals within the given rows, from rows of strictly earlier buckets only (prefix sums over
    /// each group's buckets in time order): nothing of the predicted bucket or later leaks in.
    /// </summary>
    public static RecentClickTotals[] Within(IReadOnlyList<AdObservation> observations)
    {
        var totals = Enumerable.Range(0, observations.Count).Select(_ => Empty).ToArray();
        var contextKeys = observations.Select(observation => ContextKey(observation.Context)).ToArray();
        Func<int, string>[] groupOf =
        [
            index => $"{observations[index].Advertiser}\u0001{observations[index].Scenario}\u0001{contextKeys[index]}",
            index => $"{observations[index].Advertiser}\u0001{observations[index].Scenario}",
            index => observations[index].Advertiser,
        ];
        for (var level = 0; level < Levels; level++)
        {
            foreach (var group in Enumerable.Range(0, observations.Count).GroupBy(groupOf[level], StringComparer.Ordinal))
            {
                var ordered = group.OrderBy(index => observations[index].BucketStart).ToArray();
                var times = ordered.Select(index => observations[index].BucketStart).ToArray();
                var (impressions, clicks) = (new long[ordered.Length + 1], new long[ordered.Length + 1]);
                for (var position = 0; position < ordered.Length; position++)
                {
                    impressions[position + 1] = impressions[position] + observations[ordered[position]].Impressions;
                    clicks[position + 1] = clicks[position] + observations[ordered[position]].Clicks;
                }

                for (var position = 0; position < ordered.Length; position++)
                {
                    var end = LowerBound(times, times[position]);
                    for (var window = 0; window < WindowDays.Count; window++)
                    {
                        var start = LowerBound(times, times[position].AddDays(-WindowDays[window]));
                        var target = totals[ordered[position]];
                        target.Impressions[(level * WindowDays.Count) + window] = impressions[end] - impressions[start];
                        target.Clicks[(level * WindowDays.Count) + window] = clicks[end] - clicks[start];
                    }
                }
            }
        }

        return totals;
    }

    /// <summary>
    /// The totals of one observation from an advertiser's delivery summed per scenario, context and window before the
    /// observation's moment (how serving reads them from the database).
    /// </summary>
    public static RecentClickTotals Of(AdObservation observation, IEnumerable<WindowedDelivery> delivery)
    {
        var totals = Empty;
        var contextKey = ContextKey(observation.Context);
        foreach (var row in delivery)
        {
            var sameScenario = row.Scenario == observation.Scenario;
            int[] levels = sameScenario && row.ContextKey == contextKey
                ? [ContextLevel, ScenarioLevel, AdvertiserLevel]
                : sameScenario ? [ScenarioLevel, AdvertiserLevel] : [AdvertiserLevel];
            foreach (var level in levels)
            {
                for (var window = 0; window < WindowDays.Count; window++)
                {
                    totals.Impressions[(level * WindowDays.Count) + window] += row.Impressions[window];
                    totals.Clicks[(level * WindowDays.Count) + window] += row.Clicks[window];
                }
            }
        }

        return totals;
    }

    private static int LowerBound(DateTimeOffset[] times, DateTimeOffset value)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (times[middle] < value) low = middle + 1;
            else high = middle;
        }

        return low;
    }
}

/// <summary>An advertiser's impressions and clicks in one scenario and context, per window of <see cref="RecentClickTotals.WindowDays"/>.</summary>
public sealed record WindowedDelivery(string Scenario, string ContextKey, long[] Impressions, long[] Clicks);
