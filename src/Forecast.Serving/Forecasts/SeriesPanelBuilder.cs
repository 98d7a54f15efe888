using Forecast.Application.Forecasts;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Ml.Forecasting.Data;

namespace Forecast.Serving.Forecasts;

/// <summary>
/// The adapter between stored rows and the model: turns a tenant's daily metrics and behaviour events into a day-by-day
/// panel of (advertiser, scenario) series. Behaviour per day and event type: count, sum and max of the values (1 when
/// an event has none); an event without a scenario counts in every scenario of its advertiser. A channel a series
/// sends on any day is tracked: 0 on its days without a row (no delivery), NaN on a row that leaves it out.
/// The panel runs to <c>lastDay</c> when given (the tenant's latest day, for one advertiser's forecast), else to the
/// latest row.
/// </summary>
public static class SeriesPanelBuilder
{
    /// <summary>A tracked channel (some row sent it) delivered nothing on the days without a row.</summary>
    private static void ZeroDaysWithoutRows(float[] channel, bool[] delivered)
    {
        if (!channel.Any(value => !float.IsNaN(value)))
        {
            return;
        }

        for (var day = 0; day < channel.Length; day++)
        {
            if (!delivered[day])
            {
                channel[day] = 0;
            }
        }
    }

    public static SeriesPanel Build(TenantHistory history) =>
        Build(history.ScenarioAttributes, history.AdvertiserProfiles, history.Metrics, history.Events, history.LastDay);

    public static SeriesPanel Build(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> scenarioAttributes,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> advertiserProfiles,
        IReadOnlyList<DailyMetricRow> metrics,
        IReadOnlyList<BehaviourEventRow> events,
        DateOnly? lastDay = null)
    {
        var firstDay = metrics.Min(row => row.Date);
        var days = (lastDay ?? metrics.Max(row => row.Date)).DayNumber - firstDay.DayNumber + 1;
        var eventTypes = events.Select(row => row.EventType).Distinct().Order(StringComparer.Ordinal).ToList();
        var features = eventTypes.SelectMany(type => new[] { $"{type}:count", $"{type}:sum", $"{type}:max" }).ToList();

        var series = new SortedDictionary<(string Advertiser, string Scenario), PanelSeries>();
        PanelSeries SeriesOf(string advertiser, string scenario)
        {
            if (!series.TryGetValue((advertiser, scenario), out var found))
            {
                found = new PanelSeries(
                    advertiser,
                    scenario,
                    scenarioAttributes.GetValueOrDefault(scenario) ?? new Dictionary<string, string>(),
                    advertiserProfiles.GetValueOrDefault(advertiser) ?? new Dictionary<string, string>(),
                    Filled(days, float.NaN),
                    Filled(days, float.NaN),
                    Filled(days, float.NaN),
                    Filled(days, float.NaN),
                    Enumerable.Range(0, days).Select(_ => new float[features.Count]).ToArray());
                series[(advertiser, scenario)] = found;
            }

            return found;
        }

        var rowDays = new Dictionary<PanelSeries, bool[]>(ReferenceEqualityComparer.Instance);
        foreach (var row in metrics.Where(row => row.Date.DayNumber - firstDay.DayNumber < days))
        {
            var target = SeriesOf(row.AdvertiserId, row.Scenario);
            var day = row.Date.DayNumber - firstDay.DayNumber;
            target.Impressions[day] = row.Impressions ?? float.NaN;
            target.Clicks[day] = row.Clicks ?? float.NaN;
            target.Spend[day] = row.Spend is { } spend ? (float)spend : float.NaN;
            target.Conversions[day] = row.Conversions ?? float.NaN;
            if (!rowDays.TryGetValue(target, out var delivered))
            {
                rowDays[target] = delivered = new bool[days];
            }

            delivered[day] = true;
        }

        foreach (var (target, delivered) in rowDays)
        {
            foreach (var channel in (float[][])[target.Impressions, target.Clicks, target.Spend, target.Conversions])
            {
                ZeroDaysWithoutRows(channel, delivered);
            }
        }

        // Float sums depend on the order of their terms and the database returns rows in no set order: a fixed order
        // makes the same rows give the same panel, hence the same model, in every run.
        events = events
            .OrderBy(row => row.OccurredAt)
            .ThenBy(row => row.AdvertiserId, StringComparer.Ordinal)
            .ThenBy(row => row.EventType, StringComparer.Ordinal)
            .ThenBy(row => row.Scenario, StringComparer.Ordinal)
            .ThenBy(row => row.Value)
            .ToList();
        foreach (var row in events.Where(row => row.Scenario is not null))
        {
            AddEvent(SeriesOf(row.AdvertiserId, row.Scenario!), row);
        }

        // An event of the whole account (a login, a recharge) belongs to every scenario the advertiser delivers in.
        var seriesByAdvertiser = series.Values.ToLookup(found => found.AdvertiserId, StringComparer.Ordinal);
        foreach (var row in events.Where(row => row.Scenario is null))
        {
            foreach (var target in seriesByAdvertiser[row.AdvertiserId])
            {
                AddEvent(target, row);
            }
        }

        void AddEvent(PanelSeries target, BehaviourEventRow row)
        {
            var day = DateOnly.FromDateTime(row.OccurredAt.UtcDateTime).DayNumber - firstDay.DayNumber;
            if (day < 0 || day >= days) return;
            var behaviour = target.Behaviour[day];
            var offset = 3 * eventTypes.BinarySearch(row.EventType, StringComparer.Ordinal);
            var value = (float)(row.Value ?? 1);
            behaviour[offset] += 1;
            behaviour[offset + 1] += value;
            behaviour[offset + 2] = Math.Max(behaviour[offset + 2], value);
        }

        return new SeriesPanel(firstDay, days, features, series.Values.ToList());
    }

    private static float[] Filled(int days, float value)
    {
        var values = new float[days];
        Array.Fill(values, value);
        return values;
    }
}
