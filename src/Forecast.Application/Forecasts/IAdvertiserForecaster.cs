namespace Forecast.Application.Forecasts;

/// <summary>
/// Forecasts with the tenant's champion model, from the batch-scored table when fresh, else online; null when the
/// tenant has no champion yet (<see cref="NoForecastModel"/> says so to the caller).
/// </summary>
public interface IAdvertiserForecaster
{
    Task<IReadOnlyList<AdvertiserForecastDto>?> ForecastAsync(
        Guid tenantId, IReadOnlyList<string> advertiserIds, string? scenario, CancellationToken cancellationToken);
}
