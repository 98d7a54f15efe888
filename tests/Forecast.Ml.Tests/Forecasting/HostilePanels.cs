using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Demo;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;
using Forecast.Serving.Forecasts;

namespace Forecast.Ml.Tests.Forecasting;

/// <summary>
/// The shipped TabMo rows, made hostile the ways tenants' feeds are: each keeps the real shape (scenarios, weekly
/// rhythm, pauses) and breaks one assumption of the scaling or the loss.
/// </summary>
internal static class HostilePanels
{
    public static readonly string[] Names =
        ["one-series-1e9-times-the-others", "all-zero-series", "a-series-of-a-single-day", "the-shortest-trainable-history", "step-from-0-to-1e7", "no-advertiser-profile", "last-week-1e9-times-the-rest"];

    private static readonly Lazy<Task<TabmoDemoRows>> Demo = new(() => TabmoCampaignMapping.ReadAsync(
        Path.Combine(AppContext.BaseDirectory, "data", "tabmo-adcampaign", "adcampaign_slots.csv.gz"), CancellationToken.None));

    private static readonly Lazy<Task<HashSet<string>>> HalfOfTheAdvertisers = new(async () =>
        (await Demo.Value).DailyMetrics.Select(row => row.AdvertiserId).Distinct().Order(StringComparer.Ordinal).Where((_, index) => index % 2 == 0).ToHashSet());

    private static readonly Lazy<Task<ForecastModel>> Champion = new(async () =>
    {
        // A champion trained on another panel: the real rows of the other half of the advertisers.
        var (demo, chosen) = (await Demo.Value, await HalfOfTheAdvertisers.Value);
        var others = demo.DailyMetrics.Where(row => !chosen.Contains(row.AdvertiserId)).ToList();
        return ForecastModelTrainer.Train(Build(demo, others, profiles: true), new ForecastWindow(), new M2MConfig(), new TrainingOptions(MaxEpochs: 3)).Model;
    });

    /// <summary>Shared by the tests that warm-start from it; never disposed by them.</summary>
    public static async Task<ForecastModel> ChampionAsync() => await Champion.Value;

    public static async Task<SeriesPanel> BuildAsync(string name)
    {
        var (demo, chosen) = (await Demo.Value, await HalfOfTheAdvertisers.Value);
        var rows = demo.DailyMetrics.Where(row => chosen.Contains(row.AdvertiserId)).ToList();
        var first = rows.Min(row => row.Date);
        var last = rows.Max(row => row.Date);
        var giant = rows[0].AdvertiserId;
        var series = rows.Select(row => (row.AdvertiserId, row.Scenario)).Distinct().ToList();
        var silent = series.Where((_, index) => index % 3 == 0).ToHashSet();
        var stepOn = first.AddDays((last.DayNumber - first.DayNumber) * 2 / 3);
        var transformed = name switch
        {
            "one-series-1e9-times-the-others" => rows.Select(row => row.AdvertiserId == giant ? Times(row, 1e9) : row).ToList(),
            "all-zero-series" => rows.Select(row => silent.Contains((row.AdvertiserId, row.Scenario)) ? Times(row, 0) : row).ToList(),
            "a-series-of-a-single-day" => [.. rows, rows[^1] with { AdvertiserId = "first-day", Date = last }],
            "the-shortest-trainable-history" => rows.Where(row => row.Date > last.AddDays(-ForecastModelTrainer.MinimumHistoryDays(new ForecastWindow()))).ToList(),
            "step-from-0-to-1e7" => rows.Select(row => row.AdvertiserId != giant ? row
                : row.Date < stepOn ? Times(row, 0) : row with { Impressions = 10_000_000, Clicks = 10_000, Spend = 10_000_000m }).ToList(),
            "a-day-shorter-than-trainable" => rows.Where(row => row.Date > last.AddDays(1 - ForecastModelTrainer.MinimumHistoryDays(new ForecastWindow()))).ToList(),
            "no-advertiser-profile" => rows,
            "last-week-1e9-times-the-rest" => rows.Select(row => row.Date > last.AddDays(-7) ? Times(row, 1e9) : row).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a hostile panel"),
        };
        return Build(demo, transformed, profiles: name != "no-advertiser-profile");
    }


    private static DailyMetricRow Times(DailyMetricRow row, double factor) => row with
    {
        Impressions = (long?)(row.Impressions * factor),
        Clicks = (long?)(row.Clicks * factor),
        Spend = row.Spend * (decimal)factor,
        Conversions = (long?)(row.Conversions * factor),
    };

    private static SeriesPanel Build(TabmoDemoRows demo, IReadOnlyList<DailyMetricRow> metrics, bool profiles) =>
        SeriesPanelBuilder.Build(
            demo.Scenarios.ToDictionary(scenario => scenario.Key, scenario => scenario.Value.Attributes),
            profiles ? demo.Advertisers.ToDictionary(advertiser => advertiser.Key, advertiser => advertiser.Value.Profile) : new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            metrics,
            new List<BehaviourEventRow>());
}
