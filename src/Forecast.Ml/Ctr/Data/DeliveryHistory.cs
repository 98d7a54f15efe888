namespace Forecast.Ml.Ctr.Data;

/// <summary>
/// What an advertiser had delivered before a moment: when it first delivered, its latest observations (oldest first)
/// and its windowed totals for the observation's scenario and context. The behaviour sequence of DIN, the recent-CTR
/// features and the historical CTRs come from here.
/// </summary>
public sealed record DeliveryHistory(DateTimeOffset? FirstSeen, IReadOnlyList<AdObservation> Recent, RecentClickTotals Totals)
{
    public static DeliveryHistory None => new(null, [], RecentClickTotals.Empty);

    /// <summary>
    /// Each observation's history within the given rows: the advertiser's <paramref name="length"/> latest observations
    /// in earlier buckets and its windowed totals. Rows of the same bucket never see each other, so nothing of the
    /// predicted bucket leaks in.
    /// </summary>
    public static DeliveryHistory[] Within(IReadOnlyList<AdObservation> observations, int length)
    {
        var histories = new DeliveryHistory[observations.Count];
        var totals = RecentClickTotals.Within(observations);
        foreach (var advertiser in Enumerable.Range(0, observations.Count).GroupBy(index => observations[index].Advertiser))
        {
            var ordered = advertiser.OrderBy(index => observations[index].BucketStart).ToList();
            var firstSeen = observations[ordered[0]].BucketStart;
            var bucketStart = 0;
            for (var position = 0; position < ordered.Count; position++)
            {
                var at = observations[ordered[position]].BucketStart;
                while (observations[ordered[bucketStart]].BucketStart < at)
                {
                    bucketStart++;
                }

                var from = Math.Max(0, bucketStart - length);
                var recent = ordered.GetRange(from, bucketStart - from).Select(index => observations[index]).ToList();
                histories[ordered[position]] = new DeliveryHistory(firstSeen, recent, totals[ordered[position]]);
            }
        }

        return histories;
    }
}
