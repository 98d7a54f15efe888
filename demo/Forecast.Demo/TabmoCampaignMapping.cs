using System.Globalization;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;

namespace Forecast.Demo;

/// <summary>
/// Maps the real TabMo campaign logs as SOURCE.md says: placements are scenarios, campaigns are advertisers, slot rows
/// sum into daily metrics (no spend: not in the data), the intraday delivery pattern becomes behaviour events and slot
/// counts become ad stats. Used by the importer (through the API's commands) and by the backtest.
/// </summary>
public static class TabmoCampaignMapping
{
    public const string ImpressionShareEvent = "slot_impression_share";
    public const string ClickShareEvent = "slot_click_share";

    private const int SlotMinutes = 240;

    private static readonly Dictionary<string, (string Name, string Channel)> Placements = new()
    {
        ["app"] = ("In-app (mobile applications)", "mobile-app"),
        ["site"] = ("Web sites", "web"),
    };

    public static async Task<TabmoDemoRows> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var records = await TabmoCampaignFile.ReadAsync(path, cancellationToken);
        var slots = SumDuplicateSlots(records);
        return new TabmoDemoRows(
            records.Count,
            records.Select(record => record.Placement).Distinct().Order(StringComparer.Ordinal).ToDictionary(
                placement => placement,
                placement =>
                {
                    var (name, channel) = Placements.GetValueOrDefault(placement, (placement, placement));
                    return (name, (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["channel"] = channel, ["billing"] = "unknown" });
                }),
            // The data has no advertiser profile; the first delivery date is the one attribute it supports honestly.
            records.GroupBy(record => record.CampaignId).OrderBy(group => group.Key, StringComparer.Ordinal).ToDictionary(
                campaign => campaign.Key,
                campaign => ($"TabMo campaign {campaign.Key}", (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
                {
                    ["first_seen_date"] = campaign.Min(record => record.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                })),
            slots
                .GroupBy(slot => (slot.CampaignId, slot.Placement, slot.Date))
                .Select(day => new DailyMetricRow(
                    day.Key.CampaignId, day.Key.Placement, day.Key.Date, day.Sum(slot => slot.Impressions), day.Sum(slot => slot.Clicks)))
                .ToList(),
            IntradayDeliveryPattern(slots),
            slots.Select(slot => new AdStatRow(slot.CampaignId, slot.Placement, slot.SlotStart, SlotMinutes, slot.Impressions, slot.Clicks)).ToList());
    }

    /// <summary>Rows that share (campaign, date, slot, placement) are sub-placements of the source: they add up.</summary>
    private static List<TabmoSlotRecord> SumDuplicateSlots(IReadOnlyList<TabmoSlotRecord> records) =>
        records
            .GroupBy(record => (record.CampaignId, record.Date, record.SlotStartHour, record.Placement))
            .Select(slot => slot.First() with
            {
                Impressions = slot.Sum(record => record.Impressions),
                Clicks = slot.Sum(record => record.Clicks),
            })
            .ToList();

    /// <summary>Each slot's share of its day's impressions and clicks: how the campaign paced its delivery that day.</summary>
    private static List<BehaviourEventRow> IntradayDeliveryPattern(List<TabmoSlotRecord> slots)
    {
        var events = new List<BehaviourEventRow>();
        foreach (var day in slots.GroupBy(slot => (slot.CampaignId, slot.Placement, slot.Date)))
        {
            var impressions = day.Sum(slot => slot.Impressions);
            var clicks = day.Sum(slot => slot.Clicks);
            foreach (var slot in day)
            {
                if (impressions > 0)
                {
                    events.Add(new BehaviourEventRow(
                        slot.CampaignId, ImpressionShareEvent, slot.SlotStart, slot.Placement, (double)slot.Impressions / impressions));
                }

                if (clicks > 0)
                {
                    events.Add(new BehaviourEventRow(
                        slot.CampaignId, ClickShareEvent, slot.SlotStart, slot.Placement, (double)slot.Clicks / clicks));
                }
            }
        }

        return events;
    }
}
