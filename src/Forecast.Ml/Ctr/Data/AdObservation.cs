namespace Forecast.Ml.Ctr.Data;

/// <summary>
/// Impressions and clicks of one advertiser's ads in one scenario, time bucket and context: binomial data, the
/// impressions being the trials. An impression-level log is the case of one impression per row.
/// </summary>
public sealed record AdObservation(
    string Advertiser,
    string Scenario,
    DateTimeOffset BucketStart,
    int BucketMinutes,
    IReadOnlyDictionary<string, string> Context,
    long Impressions,
    long Clicks)
{
    public DateOnly Day => DateOnly.FromDateTime(BucketStart.UtcDateTime);
}
