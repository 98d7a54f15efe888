using System.Globalization;
using Forecast.Application.Advertisers.UpsertAdvertiser;
using Forecast.Application.Ingestion;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Application.Scenarios.UpsertScenario;
using Mediator;

namespace Forecast.Jobs.DemoData;

/// <summary>
/// Loads the real TabMo campaign logs into a tenant through the same commands the API sends, mapped as SOURCE.md says:
/// placements are scenarios, campaigns are advertisers, slot rows sum into daily metrics (no spend: not in the data),
/// the intraday delivery pattern becomes behaviour events and slot counts become ad stats. Importing twice changes nothing.
/// </summary>
public sealed class TabmoCampaignImporter(IMediator mediator)
{
    public const string ImpressionShareEvent = "slot_impression_share";
    public const string ClickShareEvent = "slot_click_share";

    private const int SlotMinutes = 240;
    private const int BatchRows = 20_000;

    private static readonly Dictionary<string, (string Name, string Channel)> Placements = new()
    {
        ["app"] = ("In-app (mobile applications)", "mobile-app"),
        ["site"] = ("Web sites", "web"),
    };

    public async Task<DemoImportSummary> ImportAsync(Guid tenantId, string path, CancellationToken cancellationToken)
    {
        var records = await TabmoCampaignFile.ReadAsync(path, cancellationToken);
        await UpsertScenariosAsync(tenantId, records, cancellationToken);
        await UpsertAdvertisersAsync(tenantId, records, cancellationToken);

        var slots = SumDuplicateSlots(records);
        var dailyMetrics = slots
            .GroupBy(slot => (slot.CampaignId, slot.Placement, slot.Date))
            .Select(day => new DailyMetricRow(
                day.Key.CampaignId, day.Key.Placement, day.Key.Date, day.Sum(slot => slot.Impressions), day.Sum(slot => slot.Clicks)))
            .ToList();
        var adStats = slots
            .Select(slot => new AdStatRow(
                slot.CampaignId, slot.Placement, slot.SlotStart, SlotMinutes, slot.Impressions, slot.Clicks))
            .ToList();
        var behaviourEvents = IntradayDeliveryPattern(slots);

        var metricsResult = await SendInBatchesAsync(dailyMetrics, rows => new IngestDailyMetrics(tenantId, rows), cancellationToken);
        var eventsResult = await SendInBatchesAsync(behaviourEvents, rows => new IngestBehaviourEvents(tenantId, rows), cancellationToken);
        var statsResult = await SendInBatchesAsync(adStats, rows => new IngestAdStats(tenantId, rows), cancellationToken);
        return new DemoImportSummary(
            records.Count,
            Placements.Count(placement => records.Any(record => record.Placement == placement.Key)),
            records.Select(record => record.CampaignId).Distinct().Count(),
            metricsResult,
            eventsResult,
            statsResult);
    }

    private async Task UpsertScenariosAsync(Guid tenantId, IReadOnlyList<TabmoSlotRecord> records, CancellationToken cancellationToken)
    {
        foreach (var placement in records.Select(record => record.Placement).Distinct())
        {
            var (name, channel) = Placements.GetValueOrDefault(placement, (placement, placement));
            await mediator.Send(
                new UpsertScenario(tenantId, placement, name, new Dictionary<string, string>
                {
                    ["channel"] = channel,
                    ["billing"] = "unknown",
                }),
                cancellationToken);
        }
    }

    private async Task UpsertAdvertisersAsync(Guid tenantId, IReadOnlyList<TabmoSlotRecord> records, CancellationToken cancellationToken)
    {
        // The data has no advertiser profile; the first delivery date is the one attribute it supports honestly.
        foreach (var campaign in records.GroupBy(record => record.CampaignId).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var firstSeen = campaign.Min(record => record.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await mediator.Send(
                new UpsertAdvertiser(tenantId, campaign.Key, $"TabMo campaign {campaign.Key}", new Dictionary<string, string>
                {
                    ["first_seen_date"] = firstSeen,
                }),
                cancellationToken);
        }
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

    private async Task<IngestionResult> SendInBatchesAsync<TRow>(
        List<TRow> rows, Func<IReadOnlyList<TRow>, IIngestionBatch<TRow>> batchOf, CancellationToken cancellationToken)
    {
        var total = new IngestionResult(0, 0, 0, 0);
        foreach (var chunk in rows.Chunk(BatchRows))
        {
            var result = await mediator.Send(batchOf(chunk), cancellationToken);
            total = new IngestionResult(
                total.Received + result.Received,
                total.Inserted + result.Inserted,
                total.Updated + result.Updated,
                total.Unchanged + result.Unchanged);
        }

        return total;
    }
}
