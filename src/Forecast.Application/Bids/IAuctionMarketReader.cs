namespace Forecast.Application.Bids;

/// <summary>Reads the recent auction market of scenarios from the tenant's auction outcomes (possibly from a short-lived cache).</summary>
public interface IAuctionMarketReader
{
    public const int WindowDays = 28;

    /// <summary>Per scenario asked: the market of its last <see cref="WindowDays"/> days of outcomes, seen from each advertiser asked.</summary>
    Task<IReadOnlyDictionary<(string Scenario, string AdvertiserId), AuctionMarket>> ReadAsync(
        Guid tenantId, IReadOnlyCollection<(string Scenario, string AdvertiserId)> pairs, CancellationToken cancellationToken);

    /// <summary>Drops what this instance keeps of the tenant's markets: it has just sent auction outcomes.</summary>
    void Forget(Guid tenantId);
}
