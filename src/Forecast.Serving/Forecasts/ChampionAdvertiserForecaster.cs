using Forecast.Application.Common.Telemetry;
using Forecast.Application.Forecasts;
using Forecast.Ml.Forecasting.Data;
using Forecast.Serving.Champions;

namespace Forecast.Serving.Forecasts;

/// <summary>
/// Forecasts advertisers with the tenant's champion: batch-scored rows when they are fresh (same champion, latest day),
/// the rest online from their recent history.
/// </summary>
internal sealed class ChampionAdvertiserForecaster(ForecastChampions champions, ITenantHistoryReader history, IForecastStore store) : IAdvertiserForecaster
{
    public async Task<IReadOnlyList<AdvertiserForecastDto>?> ForecastAsync(
        Guid tenantId, IReadOnlyList<string> advertiserIds, string? scenario, CancellationToken cancellationToken)
    {
        using var champion = await champions.GetAsync(tenantId, cancellationToken);
        if (champion is null)
        {
            return null;
        }

        var stored = (await store.ReadFreshAsync(tenantId, champion.ModelId, advertiserIds, scenario, cancellationToken))
            .ToLookup(row => row.AdvertiserId, StringComparer.Ordinal);
        var missing = advertiserIds.Where(id => !stored.Contains(id)).ToList();
        var online = new Dictionary<string, List<ScenarioForecastDto>>(StringComparer.Ordinal);
        DateOnly? asOf = stored.SelectMany(rows => rows).Select(row => (DateOnly?)row.AsOf).FirstOrDefault();
        if (missing.Count > 0)
        {
            (asOf, var panel) = await history.ReadRecentPanelAsync(tenantId, missing, champion.Model.Manifest.Window, cancellationToken);
            if (panel is not null)
            {
                foreach (var series in champion.Model.Forecast(panel, panel.Days - 1).Where(series => scenario is null || series.Scenario == scenario))
                {
                    (online.TryGetValue(series.AdvertiserId, out var list) ? list : online[series.AdvertiserId] = []).Add(ForecastMapping.ToDto(series));
                }
            }
        }

        ForecastTelemetry.Served(champion.Architecture, AdvertiserForecastDto.BatchScored, advertiserIds.Count - missing.Count);
        ForecastTelemetry.Served(champion.Architecture, AdvertiserForecastDto.ComputedNow, missing.Count);
        var manifest = champion.Model.Manifest;
        var untrained = manifest.Schema.UntrainedTasks.ToDictionary(pair => pair.Key.Name(), pair => pair.Value);
        return advertiserIds.Select(id => new AdvertiserForecastDto(
            id,
            asOf ?? manifest.TrainedThrough,
            manifest.Window.HorizonDays,
            champion.ModelId,
            champion.Version,
            stored.Contains(id) ? stored[id].Select(row => row.Forecast).ToList() : online.GetValueOrDefault(id) ?? [],
            untrained,
            stored.Contains(id) ? AdvertiserForecastDto.BatchScored : AdvertiserForecastDto.ComputedNow)).ToList();
    }
}
