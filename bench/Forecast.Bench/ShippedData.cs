using Forecast.Demo;
using Forecast.Ml.Forecasting.Data;
using Forecast.Serving.Forecasts;

namespace Forecast.Bench;

/// <summary>The shipped TabMo data as the backtests and scoring benchmarks read it: the mapped rows, and their panel.</summary>
internal static class ShippedData
{
    public static Task<TabmoDemoRows> ReadAsync(CancellationToken cancellationToken) =>
        TabmoCampaignMapping.ReadAsync(Path.Combine(AppContext.BaseDirectory, "data", "adcampaign_slots.csv.gz"), cancellationToken);

    public static SeriesPanel Panel(TabmoDemoRows demo) => SeriesPanelBuilder.Build(
        demo.Scenarios.ToDictionary(scenario => scenario.Key, scenario => scenario.Value.Attributes),
        demo.Advertisers.ToDictionary(advertiser => advertiser.Key, advertiser => advertiser.Value.Profile),
        demo.DailyMetrics,
        demo.BehaviourEvents);
}
