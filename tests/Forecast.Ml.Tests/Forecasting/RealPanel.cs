using Forecast.Jobs.DemoData;
using Forecast.Ml.Forecasting.Data;
using Forecast.Serving.Forecasts;

namespace Forecast.Ml.Tests.Forecasting;

/// <summary>The shipped TabMo data as a panel, read once per test run.</summary>
public static class RealPanel
{
    private static readonly Lazy<Task<SeriesPanel>> Panel = new(Read);

    public static Task<SeriesPanel> LoadAsync() => Panel.Value;

    private static async Task<SeriesPanel> Read()
    {
        var demo = await TabmoCampaignMapping.ReadAsync(
            Path.Combine(AppContext.BaseDirectory, "data", "tabmo-adcampaign", "adcampaign_slots.csv.gz"), CancellationToken.None);
        return SeriesPanelBuilder.Build(
            demo.Scenarios.ToDictionary(scenario => scenario.Key, scenario => scenario.Value.Attributes),
            demo.Advertisers.ToDictionary(advertiser => advertiser.Key, advertiser => advertiser.Value.Profile),
            demo.DailyMetrics,
            demo.BehaviourEvents);
    }
}
