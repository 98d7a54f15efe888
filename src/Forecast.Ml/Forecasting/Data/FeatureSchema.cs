namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// What the model reads, fixed on the training range and saved with the model: which performance channels a tenant
/// sends, the typed scenario and advertiser attributes — categories with their vocabularies (code 0 = unknown, which
/// is what a new scenario's unseen values get), dates and numbers as dense numeric features — and the tasks that have
/// data to learn from.
/// </summary>
public sealed record FeatureSchema(
    IReadOnlyList<string> PerformanceChannels,
    IReadOnlyList<string> BehaviourFeatures,
    IReadOnlyList<CategoricalAttribute> ScenarioAttributes,
    IReadOnlyList<CategoricalAttribute> AdvertiserAttributes,
    IReadOnlyList<NumericAttribute> NumericAttributes,
    IReadOnlyList<ForecastTask> TrainedTasks,
    IReadOnlyDictionary<ForecastTask, string> UntrainedTasks)
{
    /// <summary>Attributes with more distinct values than this are identifiers, not categories.</summary>
    public const int MaxCategories = 50;

    /// <summary>The scenario key is an attribute too (unknown for a new scenario, which then relies on the others).</summary>
    public const string ScenarioKeyAttribute = "scenario";

    public static readonly IReadOnlyList<string> DenseFeatures =
        ["log_days_since_first_active", "active_share_28d", "log_days_since_last_active", "weekday_sin", "weekday_cos"];

    /// <summary>The history features, then one per numeric attribute.</summary>
    public int DenseFeatureCount => DenseFeatures.Count + NumericAttributes.Count;

    public static FeatureSchema Fit(SeriesPanel panel, IReadOnlyList<int> trainAsOfDays, ForecastWindow window)
    {
        var lastTrainDay = trainAsOfDays.Max() + window.HorizonDays;
        bool Sent(Func<PanelSeries, float[]> channel) =>
            panel.Series.Any(series => channel(series).Take(lastTrainDay + 1).Any(value => !float.IsNaN(value)));

        var sent = new (string Channel, Func<PanelSeries, float[]> Values)[]
        {
            ("spend", series => series.Spend), ("impressions", series => series.Impressions),
            ("clicks", series => series.Clicks), ("conversions", series => series.Conversions),
        };
        var channels = sent.Where(channel => Sent(channel.Values)).Select(channel => channel.Channel).ToList();

        var untrained = new Dictionary<ForecastTask, string>();
        foreach (var task in new[] { ForecastTask.Spend, ForecastTask.Impressions, ForecastTask.Clicks })
        {
            if (!channels.Contains(task.Name()))
            {
                untrained[task] = $"not trained: the tenant sent no {task.Name()} in the training window";
            }
        }

        var scenario = AttributeTyping.Classify(
            panel.Series.Select(series => (series.ScenarioKey, WithKey(series.ScenarioAttributes, series.ScenarioKey))), AttributeOwner.Scenario);
        var advertiser = AttributeTyping.Classify(
            panel.Series.Select(series => (series.AdvertiserId, series.AdvertiserProfile)), AttributeOwner.Advertiser);
        return new FeatureSchema(
            channels,
            panel.BehaviourFeatures,
            scenario.Categorical,
            advertiser.Categorical,
            [.. scenario.Numeric, .. advertiser.Numeric],
            ForecastTasks.All.Where(task => !untrained.ContainsKey(task)).ToList(),
            untrained);
    }

    public static IReadOnlyDictionary<string, string> WithKey(IReadOnlyDictionary<string, string> attributes, string scenarioKey) =>
        new Dictionary<string, string>(attributes) { [ScenarioKeyAttribute] = scenarioKey };
}

/// <summary>A categorical attribute and its vocabulary; code 0 is reserved for values not seen in training.</summary>
public sealed record CategoricalAttribute(string Name, IReadOnlyList<string> Values)
{
    public int Cardinality => Values.Count + 1;

    public long CodeOf(IReadOnlyDictionary<string, string> attributes) =>
        attributes.TryGetValue(Name, out var value) && IndexOf(value) is var index and >= 0 ? index + 1 : 0;

    private int IndexOf(string value)
    {
        for (var index = 0; index < Values.Count; index++)
        {
            if (string.Equals(Values[index], value, StringComparison.Ordinal)) return index;
        }

        return -1;
    }
}
