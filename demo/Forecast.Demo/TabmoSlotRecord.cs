namespace Forecast.Demo;

/// <summary>One row of the TabMo adcampaign file: a campaign's delivery in one 4-hour slot of one day and placement.</summary>
internal sealed record TabmoSlotRecord(
    string CampaignId,
    DateOnly Date,
    int SlotStartHour,
    string Placement,
    long Impressions,
    long Clicks)
{
    public DateTimeOffset SlotStart => new(Date.ToDateTime(new TimeOnly(SlotStartHour, 0)), TimeSpan.Zero);
}
