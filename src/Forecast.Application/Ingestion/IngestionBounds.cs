namespace Forecast.Application.Ingestion;

/// <summary>
/// What an ingested row may say (section Forecast:Ingestion): dates from <see cref="EarliestDate"/> to the server's
/// today + <see cref="MaxDaysAhead"/>, and per-row magnitudes no real advertiser reaches in a day. One row dated 2999
/// once set a tenant's as-of day and blanked its forecasts; a row of 9·10¹⁵ impressions turned its scaling. Such a row is
/// refused with a 400 naming it, and nothing of its batch is written.
/// </summary>
public sealed class IngestionBounds
{
    public const string Section = "Forecast:Ingestion";

    public DateOnly EarliestDate { get; set; } = new(2000, 1, 1);

    /// <summary>Days after the server's today (UTC) a row may be dated: 1 lets a tenant a day ahead of UTC send its today.</summary>
    public int MaxDaysAhead { get; set; } = 1;

    public long MaxImpressions { get; set; } = 100_000_000_000;

    public long MaxClicks { get; set; } = 10_000_000_000;

    public long MaxConversions { get; set; } = 10_000_000_000;

    /// <summary>Spend of a daily row, cost of an ad-stats bucket, bid or market price of an auction, in the tenant's currency.</summary>
    public decimal MaxAmount { get; set; } = 10_000_000_000m;

    /// <summary>A behaviour event's value (a budget, a recharge).</summary>
    public double MaxEventValue { get; set; } = 1e12;
}
