using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Demo;
using Forecast.Ml.Forecasting.Data;
using Forecast.Serving.Forecasts;

namespace Forecast.Ml.Tests.Forecasting;

/// <summary>The shipped TabMo data as a panel, the file read once per test run.</summary>
public static class RealPanel
{
    private static readonly Lazy<Task<TabmoDemoRows>> Demo = new(() => TabmoCampaignMapping.ReadAsync(
        Path.Combine(AppContext.BaseDirectory, "data", "tabmo-adcampaign", "adcampaign_slots.csv.gz"), CancellationToken.None));

    private static readonly Lazy<Task<SeriesPanel>> Panel = new(Read);

    public static Task<SeriesPanel> LoadAsync() => Panel.Value;

    /// <summary>The panel as serving reads it: only the last <paramref name="days"/> days of rows, up to the latest.</summary>
    public static async Task<SeriesPanel> LoadRecentAsync(int days)
    {
        var demo = await Demo.Value;
        var since = demo.DailyMetrics.Max(row => row.Date).AddDays(1 - days);
        return Build(demo, demo.DailyMetrics.Where(row => row.Date >= since).ToList(),
            demo.BehaviourEvents.Where(row => DateOnly.FromDateTime(row.OccurredAt.UtcDateTime) >= since).ToList());
    }

    private static async Task<SeriesPanel> Read()
    {
        var demo = await Demo.Value;
        return Build(demo, demo.DailyMetrics, demo.BehaviourEvents);
    }

    private static SeriesPanel Build(TabmoDemoRows demo, IReadOnlyList<DailyMetricRow> metrics, IReadOnlyList<BehaviourEventRow> events) =>
        SeriesPanelBuilder.Build(
            demo.Scenarios.ToDictionary(scenario => scenario.Key, scenario => scenario.Value.Attributes),
            demo.Advertisers.ToDictionary(advertiser => advertiser.Key, advertiser => advertiser.Value.Profile),
            metrics,
            events);
}
