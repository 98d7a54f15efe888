namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// Cuts samples out of a panel. Features read only days up to the as-of day (log1p-scaled counts); targets read only
/// the H days after it. A series is sampled on an as-of day when it delivered in the 28 days before or the H days after.
/// </summary>
public static class SampleBuilder
{
    private const int ParallelFrom = 256;

    /// <param name="panel">The series to cut from.</param>
    /// <param name="asOfDays">The days forecasts start from.</param>
    /// <param name="schema">The features.</param>
    /// <param name="window">History and horizon.</param>
    /// <param name="limit">When set and exceeded, a seeded uniform sample of that many (series, day) pairs, in panel order.</param>
    public static SampleSet Build(SeriesPanel panel, IReadOnlyList<int> asOfDays, FeatureSchema schema, ForecastWindow window, SampleLimit? limit = null)
    {
        var picks = new List<(int Series, int Day)>();
        for (var series = 0; series < panel.Series.Count; series++)
        {
            foreach (var day in asOfDays)
            {
                if (IsAlive(panel.Series[series], day, window, panel.Days))
                {
                    picks.Add((series, day));
                }
            }
        }

        if (limit is { } cap && picks.Count > cap.MaxSamples)
        {
            picks = cap.Sample(picks);
        }

        int t = window.HistoryDays, fp = schema.PerformanceChannels.Count, fb = schema.BehaviourFeatures.Count;
        int fd = schema.DenseFeatureCount, tasks = ForecastTasks.All.Count;
        var set = new SampleSet
        {
            Count = picks.Count,
            HistoryDays = t,
            Performance = new float[picks.Count * t * fp],
            Behaviour = new float[picks.Count * t * fb],
            Dense = new float[picks.Count * fd],
            ScenarioCodes = new long[picks.Count * schema.ScenarioAttributes.Count],
            AdvertiserCodes = new long[picks.Count * schema.AdvertiserAttributes.Count],
            Targets = new float[picks.Count * tasks],
            RecentLevel = new float[picks.Count * tasks],
            SeriesIndex = picks.Select(pick => pick.Series).ToArray(),
            AsOfDay = picks.Select(pick => pick.Day).ToArray(),
        };

        // The panel has the event types its rows have: one advertiser's may lack some of the tenant's, or order them apart.
        var panelFeatures = panel.BehaviourFeatures.ToArray();
        var behaviourColumns = schema.BehaviourFeatures.Select(feature => Array.IndexOf(panelFeatures, feature)).ToArray();

        void Cut(int sample)
        {
            var (seriesIndex, asOf) = picks[sample];
            var series = panel.Series[seriesIndex];
            WriteSequences(set, sample, series, asOf, schema, behaviourColumns, t);
            WriteDense(set.Dense.AsSpan(sample * fd, fd), series, asOf, panel.DateOf(asOf), schema.NumericAttributes);
            WriteCodes(set.ScenarioCodes.AsSpan(sample * schema.ScenarioAttributes.Count), schema.ScenarioAttributes,
                FeatureSchema.WithKey(series.ScenarioAttributes, series.ScenarioKey));
            WriteCodes(set.AdvertiserCodes.AsSpan(sample * schema.AdvertiserAttributes.Count), schema.AdvertiserAttributes,
                series.AdvertiserProfile);
            WriteTargets(set.Targets.AsSpan(sample * tasks, tasks), series, asOf, window.HorizonDays, panel.Days);
            WriteRecentLevel(set.RecentLevel.AsSpan(sample * tasks, tasks), series, asOf, window.HorizonDays);
        }

        // Samples write disjoint slices: a tenant's scoring run cuts them on every core; an online forecast's few
        // samples are cut on the request's thread (handing them to the pool cost more than cutting them).
        if (picks.Count < ParallelFrom)
        {
            for (var sample = 0; sample < picks.Count; sample++) Cut(sample);
        }
        else
        {
            Parallel.For(0, picks.Count, Cut);
        }

        return set;
    }

    public static bool IsAlive(PanelSeries series, int asOf, ForecastWindow window, int panelDays)
    {
        var from = Math.Max(0, asOf - ForecastWindow.AliveLookbackDays + 1);
        var to = Math.Min(panelDays - 1, asOf + window.HorizonDays);
        for (var day = from; day <= to; day++)
        {
            if (series.IsActive(day)) return true;
        }

        return false;
    }

    /// <summary>The history window's performance and behaviour; behaviourColumns says where each of the schema's behaviour features is in the panel's (−1: none, 0).</summary>
    private static void WriteSequences(SampleSet set, int sample, PanelSeries series, int asOf, FeatureSchema schema, int[] behaviourColumns, int t)
    {
        int fp = schema.PerformanceChannels.Count, fb = behaviourColumns.Length;
        for (var step = 0; step < t; step++)
        {
            var day = asOf - t + 1 + step;
            var performance = set.Performance.AsSpan(((sample * t) + step) * fp, fp);
            var behaviour = set.Behaviour.AsSpan(((sample * t) + step) * fb, fb);
            if (day < 0) continue; // before the panel starts: no delivery known, zeros
            for (var channel = 0; channel < fp; channel++)
            {
                performance[channel] = Log1p(Channel(series, schema.PerformanceChannels[channel])[day]);
            }

            for (var feature = 0; feature < fb; feature++)
            {
                behaviour[feature] = behaviourColumns[feature] < 0 ? 0 : Log1p(series.Behaviour[day][behaviourColumns[feature]]);
            }
        }
    }

    private static void WriteDense(Span<float> dense, PanelSeries series, int asOf, DateOnly asOfDate, IReadOnlyList<NumericAttribute> numeric)
    {
        // The age counts from the first active day within the look-back: training panels hold a tenant's whole history,
        // the serving read its last FeatureLookbackDays, and ages of 140 days in training were at most 60 when serving.
        int firstActive = -1, lastActive = -1, active28 = 0;
        for (var day = Math.Max(0, asOf - ForecastWindow.FeatureLookbackDays + 1); day <= asOf; day++)
        {
            if (!series.IsActive(day)) continue;
            if (firstActive < 0) firstActive = day;
            lastActive = day;
            if (day > asOf - ForecastWindow.AliveLookbackDays) active28++;
        }

        var weekday = 2 * MathF.PI * (int)asOfDate.DayOfWeek / 7f;
        dense[0] = firstActive < 0 ? 0 : MathF.Log(1 + asOf - firstActive + 1);
        dense[1] = active28 / (float)ForecastWindow.AliveLookbackDays;
        dense[2] = MathF.Log(1 + (lastActive < 0 ? ForecastWindow.AliveLookbackDays : Math.Min(asOf - lastActive, ForecastWindow.AliveLookbackDays)));
        dense[3] = MathF.Sin(weekday);
        dense[4] = MathF.Cos(weekday);
        for (var attribute = 0; attribute < numeric.Count; attribute++)
        {
            dense[FeatureSchema.DenseFeatures.Count + attribute] = numeric[attribute].ValueOf(series, asOfDate);
        }
    }

    private static void WriteCodes(Span<long> codes, IReadOnlyList<CategoricalAttribute> attributes, IReadOnlyDictionary<string, string> values)
    {
        for (var index = 0; index < attributes.Count; index++)
        {
            codes[index] = attributes[index].CodeOf(values);
        }
    }

    private static void WriteTargets(Span<float> targets, PanelSeries series, int asOf, int horizon, int panelDays)
    {
        float spend = 0, impressions = 0, clicks = 0, activeDays = 0;
        for (var day = asOf + 1; day <= asOf + horizon; day++)
        {
            if (day >= panelDays)
            {
                targets.Fill(float.NaN);
                return;
            }

            spend += series.Spend[day];
            impressions += series.Impressions[day];
            clicks += series.Clicks[day];
            activeDays += series.IsActive(day) ? 1 : 0;
        }

        targets[(int)ForecastTask.Spend] = spend;
        targets[(int)ForecastTask.Impressions] = impressions;
        targets[(int)ForecastTask.Clicks] = clicks;
        targets[(int)ForecastTask.ActiveDays] = activeDays;
    }

    private static void WriteRecentLevel(Span<float> level, PanelSeries series, int asOf, int horizon)
    {
        const int days = 1;
        for (var day = Math.Max(0, asOf - days + 1); day <= asOf; day++)
        {
            level[(int)ForecastTask.Spend] += float.IsNaN(series.Spend[day]) ? 0 : series.Spend[day];
            level[(int)ForecastTask.Impressions] += float.IsNaN(series.Impressions[day]) ? 0 : series.Impressions[day];
            level[(int)ForecastTask.Clicks] += float.IsNaN(series.Clicks[day]) ? 0 : series.Clicks[day];
            level[(int)ForecastTask.ActiveDays] += series.IsActive(day) ? 1 : 0;
        }

        for (var task = 0; task < level.Length; task++)
        {
            level[task] *= horizon / (float)days;
        }
    }

    private static float[] Channel(PanelSeries series, string channel) => channel switch
    {
        "spend" => series.Spend,
        "impressions" => series.Impressions,
        "clicks" => series.Clicks,
        "conversions" => series.Conversions,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>log1p, with a missing value (NaN: not sent that day) read as zero.</summary>
    private static float Log1p(float value) => float.IsNaN(value) ? 0 : MathF.Log(1 + Math.Max(0, value));
}
