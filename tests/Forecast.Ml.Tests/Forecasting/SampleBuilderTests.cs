using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class SampleBuilderTests
{
    private static readonly ForecastWindow Window = new();

    [Fact]
    public async Task Changing_data_after_the_as_of_day_changes_no_feature()
    {
        var panel = await RealPanel.LoadAsync();
        var asOf = 100;
        var schema = FeatureSchema.Fit(panel, [60, 70, 80], Window);
        var future = panel with { Series = panel.Series.Select(series => Perturbed(series, after: asOf)).ToList() };

        var original = SampleBuilder.Build(panel, [asOf], schema, Window);
        var perturbed = SampleBuilder.Build(future, [asOf], schema, Window);

        // Which series are sampled may change (a series that restarts later counts as alive); their features may not.
        Assert.True(original.Count > 20);
        var changedTargets = 0;
        for (var sample = 0; sample < original.Count; sample++)
        {
            var other = Array.IndexOf(perturbed.SeriesIndex, original.SeriesIndex[sample]);
            Assert.Equal(Row(original.Performance, sample, original.Count), Row(perturbed.Performance, other, perturbed.Count));
            Assert.Equal(Row(original.Behaviour, sample, original.Count), Row(perturbed.Behaviour, other, perturbed.Count));
            Assert.Equal(Row(original.Dense, sample, original.Count), Row(perturbed.Dense, other, perturbed.Count));
            Assert.Equal(Row(original.ScenarioCodes, sample, original.Count), Row(perturbed.ScenarioCodes, other, perturbed.Count));
            Assert.Equal(Row(original.RecentLevel, sample, original.Count), Row(perturbed.RecentLevel, other, perturbed.Count));
            changedTargets += Row(original.Targets, sample, original.Count).SequenceEqual(Row(perturbed.Targets, other, perturbed.Count)) ? 0 : 1;
        }

        Assert.Equal(original.Count, changedTargets);
    }

    [Fact]
    public async Task Behaviour_is_read_by_feature_name_so_a_panel_missing_an_event_type_or_ordering_them_apart_fills_the_schemas_columns()
    {
        var panel = await RealPanel.LoadAsync();
        var schema = FeatureSchema.Fit(panel, [60, 70, 80], Window);
        Assert.True(schema.BehaviourFeatures.Count >= 6, "the demo data has at least two event types");
        // One advertiser's panel online: the first event type absent, the others in another order.
        var kept = panel.BehaviourFeatures.Skip(3).Reverse().ToList();
        var columns = kept.Select(feature => panel.BehaviourFeatures.ToList().IndexOf(feature)).ToList();
        var narrowed = panel with
        {
            BehaviourFeatures = kept,
            Series = panel.Series.Select(series => series with { Behaviour = [.. series.Behaviour.Select(day => columns.Select(column => day[column]).ToArray())] }).ToList(),
        };

        var original = SampleBuilder.Build(panel, [100], schema, Window);
        var read = SampleBuilder.Build(narrowed, [100], schema, Window);

        var width = schema.BehaviourFeatures.Count;
        Assert.Contains(original.Behaviour, value => value > 0);
        for (var index = 0; index < original.Behaviour.Length; index++)
        {
            var expected = kept.Contains(schema.BehaviourFeatures[index % width]) ? original.Behaviour[index] : 0;
            Assert.Equal(expected, read.Behaviour[index]);
        }
    }

    [Fact]
    public async Task A_series_gets_the_same_features_from_its_whole_history_as_from_the_days_serving_reads()
    {
        var whole = await RealPanel.LoadAsync();
        var recent = await RealPanel.LoadRecentAsync(ForecastWindow.FeatureLookbackDays);
        var schema = FeatureSchema.Fit(whole, [60, 70, 80], Window);
        Assert.True(whole.Days > 2 * ForecastWindow.FeatureLookbackDays, "the demo's series are longer than the serving read");

        var trained = SampleBuilder.Build(whole, [whole.Days - 1], schema, Window);
        var served = SampleBuilder.Build(recent, [recent.Days - 1], schema, Window);

        Assert.Equal(whole.DateOf(whole.Days - 1), recent.DateOf(recent.Days - 1));
        Assert.True(served.Count > 20);
        var servedIndex = Enumerable.Range(0, served.Count).ToDictionary(
            sample => (recent.Series[served.SeriesIndex[sample]].AdvertiserId, recent.Series[served.SeriesIndex[sample]].ScenarioKey));
        Assert.Equal(trained.Count, served.Count);
        for (var sample = 0; sample < trained.Count; sample++)
        {
            var series = whole.Series[trained.SeriesIndex[sample]];
            var other = servedIndex[(series.AdvertiserId, series.ScenarioKey)];
            Assert.Equal(Row(trained.Dense, sample, trained.Count), Row(served.Dense, other, served.Count));
            Assert.Equal(Row(trained.Performance, sample, trained.Count), Row(served.Performance, other, served.Count));
            Assert.Equal(Row(trained.Behaviour, sample, trained.Count), Row(served.Behaviour, other, served.Count));
            Assert.Equal(Row(trained.AdvertiserCodes, sample, trained.Count), Row(served.AdvertiserCodes, other, served.Count));
            Assert.Equal(Row(trained.RecentLevel, sample, trained.Count), Row(served.RecentLevel, other, served.Count));
        }
    }

    [Fact]
    public async Task Over_the_limit_a_seeded_uniform_sample_is_drawn_in_panel_order_and_drawn_the_same_again()
    {
        var panel = await RealPanel.LoadAsync();
        var days = Enumerable.Range(30, 60).ToList();
        var schema = FeatureSchema.Fit(panel, days, Window);
        var all = SampleBuilder.Build(panel, days, schema, Window);
        var limit = new SampleLimit(all.Count / 3, Seed: 7);

        var sampled = SampleBuilder.Build(panel, days, schema, Window, limit);
        var again = SampleBuilder.Build(panel, days, schema, Window, limit);
        var other = SampleBuilder.Build(panel, days, schema, Window, limit with { Seed = 8 });

        Assert.Equal(limit.MaxSamples, sampled.Count);
        Assert.Equal(sampled.SeriesIndex, again.SeriesIndex);
        Assert.Equal(sampled.AsOfDay, again.AsOfDay);
        Assert.NotEqual(sampled.SeriesIndex.Zip(sampled.AsOfDay), other.SeriesIndex.Zip(other.AsOfDay));
        var pairs = sampled.SeriesIndex.Zip(sampled.AsOfDay).ToList();
        Assert.Equal(pairs.OrderBy(pair => pair.First).ThenBy(pair => pair.Second), pairs);
        Assert.Subset(all.SeriesIndex.Zip(all.AsOfDay).ToHashSet(), pairs.ToHashSet());
        // Uniform: the later half of the days holds about half of the draw, as it holds about half of all pairs.
        var lateShare = sampled.AsOfDay.Count(day => day >= 60) / (double)sampled.Count;
        var lateShareOfAll = all.AsOfDay.Count(day => day >= 60) / (double)all.Count;
        Assert.InRange(lateShare, lateShareOfAll - 0.08, lateShareOfAll + 0.08);
        Assert.Equal(all.Count, SampleBuilder.Build(panel, days, schema, Window, new SampleLimit(all.Count, 7)).Count);
    }

    private static T[] Row<T>(T[] values, int sample, int count) =>
        values.AsSpan(sample * (values.Length / count), values.Length / count).ToArray();

    [Fact]
    public async Task Targets_are_the_sums_over_the_horizon()
    {
        var panel = await RealPanel.LoadAsync();
        var schema = FeatureSchema.Fit(panel, [60, 70, 80], Window);

        var samples = SampleBuilder.Build(panel, [90], schema, Window);

        var series = panel.Series[samples.SeriesIndex[0]];
        Assert.Equal(Enumerable.Range(91, 7).Sum(day => series.Impressions[day]), samples.Target(0, ForecastTask.Impressions));
        Assert.Equal(Enumerable.Range(91, 7).Count(series.IsActive), samples.Target(0, ForecastTask.ActiveDays));
        Assert.True(float.IsNaN(samples.Target(0, ForecastTask.Spend)));
    }

    [Fact]
    public async Task The_demo_data_has_no_spend_so_the_spend_task_is_not_trained_and_says_why()
    {
        var panel = await RealPanel.LoadAsync();

        var schema = FeatureSchema.Fit(panel, [60, 70, 80], Window);

        Assert.DoesNotContain(ForecastTask.Spend, schema.TrainedTasks);
        Assert.Contains("spend", schema.UntrainedTasks[ForecastTask.Spend]);
        Assert.Equal(["impressions", "clicks"], schema.PerformanceChannels);
    }

    [Fact]
    public void No_target_window_crosses_a_split_boundary()
    {
        var split = TemporalSplit.ByLastDays(144, Window);

        Assert.True(split.Train.Max() + Window.HorizonDays < split.Validation.Min());
        Assert.True(split.Validation.Max() + Window.HorizonDays < split.Test.Min());
        Assert.True(split.Test.Max() + Window.HorizonDays <= 143);
    }

    /// <summary>The series with every day after <paramref name="after"/> multiplied: the future is different.</summary>
    private static PanelSeries Perturbed(PanelSeries series, int after)
    {
        float[] Change(float[] values) => values.Select((value, day) => day > after ? (value * 3) + 11 : value).ToArray();
        return series with
        {
            Impressions = Change(series.Impressions),
            Clicks = Change(series.Clicks),
            Behaviour = series.Behaviour.Select((day, index) => index > after ? day.Select(value => value + 5).ToArray() : day).ToArray(),
        };
    }
}
