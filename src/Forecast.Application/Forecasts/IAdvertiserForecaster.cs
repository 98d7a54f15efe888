namespace Forecast.Application.Forecasts;

/// <summary>
/// Forecasts with the tenant's champion model, from the batch-scored table when fresh, else online; throws a 409
/// problem when the tenant has no champion yet.
/// </summary>
public interface IAdvertiserForecaster
{
    Task<IReadOnlyList<AdvertiserForecastDto>> ForecastAsync(
        Guid tenantId, IReadOnlyList<string> advertiserIds, string? scenario, CancellationToken cancellationToken);
}
