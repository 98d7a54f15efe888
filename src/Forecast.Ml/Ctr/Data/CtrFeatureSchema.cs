using System.Globalization;
using System.Text.Json.Serialization;

namespace Forecast.Ml.Ctr.Data;

/// <summary>
/// How observations become model inputs, fitted on the training rows only.
/// Categorical fields: advertiser, scenario, weekday, slot and every context key whose values are labels (an
/// out-of-vocabulary bucket takes what training never saw). Numeric fields: the advertiser's recent CTR overall and in
/// the observation's scenario (smoothed towards the training CTR), its recent volume and age, and every context key
/// whose values are numbers, and the historical CTRs of the advertiser in the observation's scenario and context over
/// 1, 7, 28 and 365 days before its bucket (<see cref="HistoricalCtrs"/>). The behaviour sequence: the advertiser's
/// latest slot × scenario deliveries, each with its CTR relative to the training CTR in log2 buckets. The base logit:
/// the historical CTR — of a window, or of the latest deliveries — that priced validation best (<see cref="BaseWindow"/>). Networks learn the
/// correction to it, so a campaign that starts at a CTR no training row had is still predicted near what it delivers,
/// and a network that learns nothing predicts the lookup a planner would use.
/// </summary>
public sealed record CtrFeatureSchema(
    IReadOnlyList<string> FieldNames,
    IReadOnlyList<Vocabulary> Vocabularies,
    IReadOnlyList<string> NumericContextKeys,
    IReadOnlyList<NumericField> Numerics,
    Vocabulary Placements,
    double PriorCtr,
    int SequenceLength,
    int BaseWindow = 1)
{
    public const int AdvertiserField = 0;
    public const int ScenarioField = 1;
    private const int WeekdayField = 2;
    public const int SlotField = 3;

    /// <summary>Historical CTR lookups: one per window of <see cref="RecentClickTotals.WindowDays"/>, then the latest deliveries'.</summary>
    public static readonly int HistoricalLookups = RecentClickTotals.WindowDays.Count + 1;

    /// <summary>CTR buckets of a behaviour token: log2(ctr / prior) rounded into −4..4, plus 0 for padding.</summary>
    public const int CtrBuckets = 10;

    private const string ContextPrefix = "context.";
    private const int MinDistinctForNumeric = 13;

    /// <summary>Pseudo-clicks at the prior CTR that smooth an advertiser's recent CTR.</summary>
    private const double SmoothingClicks = 5;

    private static readonly string[] FixedFields = ["advertiser", "scenario", "weekday", "slot"];
    private static readonly string[] HistoryNumerics =
    [
        "recent_ctr_logit", "recent_scenario_ctr_logit", "recent_impressions_log", "age_days_log",
        .. RecentClickTotals.WindowDays.Select(days => $"historical_ctr_{days}d_logit"),
    ];

    [JsonIgnore]
    public CtrDimensions Dimensions => new(
        Vocabularies.Select(vocabulary => vocabulary.Size).ToArray(), Numerics.Count, Placements.Size, CtrBuckets, SequenceLength);

    public static CtrFeatureSchema Fit(IReadOnlyList<AdObservation> training, IReadOnlyList<DeliveryHistory> histories, int sequenceLength)
    {
        var impressions = training.Sum(observation => observation.Impressions);
        var priorCtr = Math.Clamp((training.Sum(observation => observation.Clicks) + 0.5) / (impressions + 1.0), 1e-6, 0.5);
        var contextKeys = training.SelectMany(observation => observation.Context.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var numericKeys = contextKeys.Where(key => IsNumeric(training, key)).ToList();
        var labelKeys = contextKeys.Except(numericKeys).ToList();

        var vocabularies = new List<Vocabulary>
        {
            Vocabulary.Of(training.Select(observation => observation.Advertiser)),
            Vocabulary.Of(training.Select(observation => observation.Scenario)),
            Vocabulary.Of(training.Select(DeliveryContext.Weekday)),
            Vocabulary.Of(training.Select(DeliveryContext.Slot)),
        };
        vocabularies.AddRange(labelKeys.Select(key => Vocabulary.Of(training.Select(observation => observation.Context.GetValueOrDefault(key)).OfType<string>())));

        var unscaled = new CtrFeatureSchema(
            [.. FixedFields, .. labelKeys.Select(key => ContextPrefix + key)], vocabularies, numericKeys, [],
            Vocabulary.Of(training.Select(DeliveryContext.Placement)), priorCtr, sequenceLength);
        var raw = training.Select((observation, index) => unscaled.RawNumerics(observation, histories[index], unscaled.HistoricalCtrs(observation, histories[index]))).ToList();
        var names = HistoryNumerics.Concat(numericKeys.Select(key => ContextPrefix + key)).ToList();
        return unscaled with { Numerics = names.Select((name, column) => NumericField.Fit(name, raw.Select(row => row[column]).ToList())).ToList() };
    }

    public CtrFeatures Encode(IReadOnlyList<AdObservation> observations, IReadOnlyList<DeliveryHistory> histories)
    {
        var features = new CtrFeatures(observations.Count, FieldNames.Count, Numerics.Count, SequenceLength);
        for (var row = 0; row < observations.Count; row++)
        {
            var observation = observations[row];
            var categorical = features.Categorical.AsSpan(row * FieldNames.Count, FieldNames.Count);
            categorical[AdvertiserField] = Vocabularies[AdvertiserField].IndexOf(observation.Advertiser);
            categorical[ScenarioField] = Vocabularies[ScenarioField].IndexOf(observation.Scenario);
            categorical[WeekdayField] = Vocabularies[WeekdayField].IndexOf(DeliveryContext.Weekday(observation));
            categorical[SlotField] = Vocabularies[SlotField].IndexOf(DeliveryContext.Slot(observation));
            for (var field = FixedFields.Length; field < FieldNames.Count; field++)
            {
                categorical[field] = Vocabularies[field].IndexOf(observation.Context.GetValueOrDefault(FieldNames[field][ContextPrefix.Length..]));
            }

            var historical = HistoricalCtrs(observation, histories[row]);
            var raw = RawNumerics(observation, histories[row], historical);
            for (var column = 0; column < Numerics.Count; column++)
            {
                features.Numeric[(row * Numerics.Count) + column] = Numerics[column].Scale(raw[column]);
            }

            features.Candidate[row] = Placements.IndexOf(DeliveryContext.Placement(observation));
            var recent = histories[row].Recent;
            var skipped = Math.Max(0, recent.Count - SequenceLength);
            for (var position = 0; position < recent.Count - skipped; position++)
            {
                var token = (row * SequenceLength) + position;
                // Tokens that are out of vocabulary still carry their CTR; 0 in the CTR bucket marks padding.
                features.SequencePlacement[token] = Placements.IndexOf(DeliveryContext.Placement(recent[skipped + position]));
                features.SequenceCtr[token] = CtrBucket(recent[skipped + position]);
            }

            features.BaseLogit[row] = (float)Logit(historical[BaseWindow]);
            features.Impressions[row] = observation.Impressions;
            features.Clicks[row] = observation.Clicks;
        }

        return features;
    }

    private double[] RawNumerics(AdObservation observation, DeliveryHistory history, double[] historicalCtrs)
    {
        var recent = history.Recent;
        var sameScenario = recent.Where(previous => previous.Scenario == observation.Scenario).ToList();
        var values = new List<double>
        {
            SmoothedLogit(recent),
            SmoothedLogit(sameScenario),
            Math.Log(1 + (recent.Count == 0 ? 0 : recent.Average(previous => (double)previous.Impressions))),
            Math.Log(1 + (history.FirstSeen is { } first ? Math.Max(0, (observation.BucketStart - first).TotalDays) : 0)),
        };
        values.AddRange(historicalCtrs.Take(RecentClickTotals.WindowDays.Count).Select(Logit));
        foreach (var key in NumericContextKeys)
        {
            // A missing number takes the training mean (0 once scaled); while fitting there is no mean yet.
            var column = values.Count;
            values.Add(double.TryParse(observation.Context.GetValueOrDefault(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : column < Numerics.Count ? Numerics[column].Mean : 0);
        }

        return [.. values];
    }

    private double SmoothedLogit(IReadOnlyCollection<AdObservation> observations) => Logit(Smoothed(observations, PriorCtr));

    /// <summary>
    /// The advertiser's smoothed CTR in the observation's scenario and context over each window of
    /// <see cref="RecentClickTotals.WindowDays"/>, as of its bucket. Each estimate shrinks towards the next broader one
    /// with <see cref="SmoothingClicks"/> pseudo-clicks: the context's CTR in a window towards the scenario's in the same
    /// window, that towards the context's over the next longer window; the longest towards the advertiser's CTR
    /// everywhere, and that towards the training CTR. A campaign without recent deliveries falls back to its older CTR,
    /// one never seen to the training CTR. Last, whatever their age, the CTR of its latest deliveries in the scenario
    /// shrunk towards that of its latest deliveries anywhere.
    /// </summary>
    public double[] HistoricalCtrs(AdObservation observation, DeliveryHistory history)
    {
        var (totals, windows) = (history.Totals, RecentClickTotals.WindowDays.Count);
        var ctrs = new double[HistoricalLookups];
        var latest = Smoothed(history.Recent, PriorCtr);
        ctrs[windows] = Smoothed(history.Recent.Where(previous => previous.Scenario == observation.Scenario).ToList(), latest);
        var broader = Smoothed(totals.ClicksAt(RecentClickTotals.AdvertiserLevel, windows - 1),
            totals.ImpressionsAt(RecentClickTotals.AdvertiserLevel, windows - 1), PriorCtr);
        for (var window = windows - 1; window >= 0; window--)
        {
            var scenario = Smoothed(totals.ClicksAt(RecentClickTotals.ScenarioLevel, window), totals.ImpressionsAt(RecentClickTotals.ScenarioLevel, window), broader);
            broader = ctrs[window] = Smoothed(totals.ClicksAt(RecentClickTotals.ContextLevel, window), totals.ImpressionsAt(RecentClickTotals.ContextLevel, window), scenario);
        }

        return ctrs;
    }

    /// <summary>The observations' CTR with <see cref="SmoothingClicks"/> pseudo-clicks at the prior CTR added.</summary>
    private static double Smoothed(IReadOnlyCollection<AdObservation> observations, double prior) =>
        Smoothed(observations.Sum(observation => observation.Clicks), observations.Sum(observation => observation.Impressions), prior);

    private static double Smoothed(long clicks, long impressions, double prior) => (clicks + SmoothingClicks) / (impressions + (SmoothingClicks / prior));

    private static double Logit(double probability) => Math.Log(probability / (1 - probability));

    private long CtrBucket(AdObservation observation)
    {
        var ctr = (observation.Clicks + 1) / (observation.Impressions + (1 / PriorCtr));
        return 5 + Math.Clamp((long)Math.Round(Math.Log2(ctr / PriorCtr)), -4, 4);
    }

    /// <summary>A context key is numeric when every training value is a finite number and there are many of them.</summary>
    private static bool IsNumeric(IReadOnlyList<AdObservation> training, string key)
    {
        var values = training.Select(observation => observation.Context.GetValueOrDefault(key)).OfType<string>().ToList();
        return values.All(value => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            && values.Distinct(StringComparer.Ordinal).Count() >= MinDistinctForNumeric;
    }
}
