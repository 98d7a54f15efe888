namespace Forecast.Ml.Ctr.Data;

/// <summary>
/// What an advertiser had delivered before a moment: when it first delivered and its latest observations (oldest
/// first). The behaviour sequence of DIN and the recent-CTR features come from here.
/// </summary>
public sealed record DeliveryHistory(DateTimeOffset? FirstSeen, IReadOnlyList<AdObservation> Recent)
{
    public static readonly DeliveryHistory None = new(null, []);

    /// <summary>
    /// Each observation's history within the given rows: the advertiser's <paramref name="length"/> latest observations
    /// in earlier buckets. Rows of the same bucket never see each other, so nothing of the predicted bucket leaks in.
    /// </summary>
    public static DeliveryHistory[] Within(IReadOnlyList<AdObservation> observations, int length)
    {
        var histories = new DeliveryHistory[observations.Count];
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
                histories[ordered[position]] = new DeliveryHistory(firstSeen, recent);
            }
        }

        return histories;
    }
}
