namespace Forecast.Application.Bids;

/// <summary>Clicks and conversions of ad stats rows that track conversions, per advertiser and scenario.</summary>
public sealed record ConversionCounts(string AdvertiserId, string Scenario, long Clicks, long Conversions);

/// <summary>Reads conversion counts of the tenant's ad stats (rows whose conversions are tracked).</summary>
public interface IConversionReader
{
    Task<IReadOnlyList<ConversionCounts>> ReadAsync(Guid tenantId, IReadOnlyCollection<string> scenarios, CancellationToken cancellationToken);
}
