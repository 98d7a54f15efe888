using Forecast.Application.Forecasts;
using Forecast.Ml.Forecasting.Data;

namespace Forecast.Serving.Forecasts;

/// <summary>
/// The panel forecasts start from: the last days of a tenant's metrics (enough for the history window and the 28-day
/// activity look-back) and its behaviour over the model's history window, up to the tenant's latest day, for some
/// advertisers or all.
/// </summary>
public static class RecentPanel
{
    public const int Days = ForecastWindow.FeatureLookbackDays;

    /// <returns>The tenant's latest day, and the panel (null when those advertisers have no recent rows).</returns>
    public static async Task<(DateOnly? LastDay, SeriesPanel? Panel)> ReadRecentPanelAsync(
        this ITenantHistoryReader history, Guid tenantId, IReadOnlyCollection<string>? advertiserIds, ForecastWindow window, CancellationToken cancellationToken)
    {
        var recent = await history.ReadAsync(tenantId, advertiserIds, Days, window.HistoryDays, cancellationToken);
        return (recent.LastDay, recent.Metrics.Count == 0 ? null : SeriesPanelBuilder.Build(recent));
    }
}
