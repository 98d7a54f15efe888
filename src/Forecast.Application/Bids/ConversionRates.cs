namespace Forecast.Application.Bids;

/// <summary>
/// pCVR per click: the advertiser's conversions per click in the scenario, shrunk towards the scenario's rate with
/// <see cref="PseudoClicks"/> pseudo-clicks, so a young advertiser is priced near its scenario. Null where the
/// scenario has no tracked conversions at all.
/// </summary>
public sealed class ConversionRates(IReadOnlyList<ConversionCounts> counts)
{
    public const double PseudoClicks = 20;

    private readonly Dictionary<string, (long Clicks, long Conversions)> _scenarios = counts
        .GroupBy(count => count.Scenario, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => (group.Sum(count => count.Clicks), group.Sum(count => count.Conversions)), StringComparer.Ordinal);

    private readonly Dictionary<(string, string), ConversionCounts> _advertisers =
        counts.ToDictionary(count => (count.AdvertiserId, count.Scenario));

    public double? Of(string advertiserId, string scenario)
    {
        if (!_scenarios.TryGetValue(scenario, out var total) || total.Clicks == 0)
        {
            return null;
        }

        var prior = (double)total.Conversions / total.Clicks;
        var own = _advertisers.GetValueOrDefault((advertiserId, scenario));
        return ((own?.Conversions ?? 0) + (PseudoClicks * prior)) / ((own?.Clicks ?? 0) + PseudoClicks);
    }
}
