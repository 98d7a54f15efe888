namespace Forecast.Infrastructure.Persistence.Schema;

/// <summary>
/// One auction the tenant took part in: its bid, the market (winning) price when known and whether it won. These
/// build the empirical win-price distribution behind the bid landscape.
/// </summary>
public sealed class AuctionOutcome
{
    public Guid TenantId { get; init; }

    public required string AuctionId { get; init; }

    public int ScenarioId { get; init; }

    public long? AdvertiserId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public decimal Bid { get; init; }

    public decimal? MarketPrice { get; init; }

    public bool Won { get; init; }
}
