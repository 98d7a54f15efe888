using Forecast.Application.Ingestion.AdStats;
using Forecast.Ml.Ctr.Data;

namespace Forecast.Serving.Bids;

/// <summary>Ad stats as ingested → observations of the CTR models (rows without impressions teach nothing and are left out).</summary>
public static class AdObservations
{
    public static List<AdObservation> From(IEnumerable<AdStatRow> rows) =>
        rows.Where(row => row.Impressions > 0)
            .Select(row => new AdObservation(
                row.AdvertiserId, row.Scenario, row.BucketStart, row.BucketMinutes,
                row.Context ?? EmptyContext, row.Impressions, row.Clicks))
            .ToList();

    private static readonly IReadOnlyDictionary<string, string> EmptyContext = new Dictionary<string, string>();
}
