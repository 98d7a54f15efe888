using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Demo;

namespace Forecast.Bench.Scale;

/// <summary>
/// A tenant of a chosen number of advertiser × scenario series made only of the shipped real series, copied under new
/// advertiser ids ("2155-x3" is copy 3 of advertiser 2155) with their behaviour events, advertiser profiles and the
/// demo's scenarios: no invented row.
/// </summary>
internal sealed record ReplayedTenantData(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Scenarios,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Advertisers,
    IReadOnlyList<DailyMetricRow> DailyMetrics,
    IReadOnlyList<BehaviourEventRow> BehaviourEvents,
    IReadOnlyList<(string AdvertiserId, string Scenario)> Series)
{
    public static ReplayedTenantData Of(TabmoDemoRows demo, int seriesCount)
    {
        var metricsBySeries = demo.DailyMetrics.GroupBy(row => (row.AdvertiserId, row.Scenario)).OrderBy(group => group.Key).ToList();
        var picked = Enumerable.Range(0, seriesCount)
            .Select(index => (Source: metricsBySeries[index % metricsBySeries.Count], Copy: index / metricsBySeries.Count))
            .ToList();
        var series = picked.Select(pick => (Copy(pick.Source.Key.AdvertiserId, pick.Copy), pick.Source.Key.Scenario)).ToList();
        var seriesSet = series.ToHashSet();
        var copiesOf = picked.GroupBy(pick => pick.Source.Key.AdvertiserId).ToDictionary(group => group.Key, group => group.Select(pick => pick.Copy).Distinct().ToList());

        var metrics = picked.SelectMany(pick => pick.Source.Select(row => row with { AdvertiserId = Copy(row.AdvertiserId, pick.Copy) })).ToList();
        var events = demo.BehaviourEvents
            .SelectMany(row => copiesOf.GetValueOrDefault(row.AdvertiserId, []).Select(copy => row with { AdvertiserId = Copy(row.AdvertiserId, copy) }))
            .Where(row => row.Scenario is null || seriesSet.Contains((row.AdvertiserId, row.Scenario)))
            .ToList();
        var advertisers = copiesOf
            .SelectMany(pair => pair.Value.Select(copy => (Id: Copy(pair.Key, copy), demo.Advertisers[pair.Key].Profile)))
            .ToDictionary(advertiser => advertiser.Id, advertiser => advertiser.Profile);
        return new ReplayedTenantData(
            demo.Scenarios.ToDictionary(scenario => scenario.Key, scenario => scenario.Value.Attributes), advertisers, metrics, events, series);
    }

    /// <summary>One new day after the last for every series, each the value it had a week before (real values, replayed).</summary>
    public IReadOnlyList<DailyMetricRow> NextDay()
    {
        var last = DailyMetrics.Max(row => row.Date);
        var weekBefore = DailyMetrics.Where(row => row.Date == last.AddDays(-6)).ToDictionary(row => (row.AdvertiserId, row.Scenario));
        return Series
            .Select(key => weekBefore.TryGetValue(key, out var row)
                ? row with { Date = last.AddDays(1) }
                : new DailyMetricRow(key.AdvertiserId, key.Scenario, last.AddDays(1), 0, 0))
            .ToList();
    }

    private static string Copy(string advertiserId, int copy) => $"{advertiserId}-x{copy}";
}
