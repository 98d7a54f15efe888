namespace Forecast.Application.Forecasts;

/// <summary>
/// Brings a tenant's stored forecasts up to its latest data after new facts are committed: dashboards read the
/// batch-scored table, and the online path stays a fallback. Bursts of batches are coalesced into one re-scoring.
/// </summary>
public interface IForecastRefresher
{
    void Refresh(Guid tenantId);
}
