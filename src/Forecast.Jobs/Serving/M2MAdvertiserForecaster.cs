using Forecast.Application.Forecasts;
using Forecast.Domain.Common;
using Forecast.Jobs.Forecasting;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Serving;

namespace Forecast.Jobs.Serving;

/// <summary>
/// Forecasts one advertiser online with the tenant's champion: reads its recent history (enough for the history
/// window and the 28-day activity look-back), builds its panel up to the tenant's latest day and runs the model.
/// </summary>
internal sealed class M2MAdvertiserForecaster(ChampionModels champions, ITenantHistoryReader history) : IAdvertiserForecaster
{
    private const int HistoryDaysRead = 90;

    public async Task<AdvertiserForecastDto> ForecastAsync(Guid tenantId, string advertiserId, string? scenario, CancellationToken cancellationToken)
    {
        var champion = await champions.GetAsync(tenantId, cancellationToken)
            ?? throw DomainException.Conflict(
                "No champion model yet",
                "This tenant has no trained M2M model. Train one with POST /v1/models/m2m/train and follow it at /v1/jobs/{jobId}; forecasts are served once it is champion.");
        var recent = await history.ReadAsync(tenantId, advertiserId, null, cancellationToken);
        var from = recent.LastDay?.AddDays(-HistoryDaysRead);
        var rows = recent with { Metrics = recent.Metrics.Where(row => from is null || row.Date >= from).ToList() };
        var window = champion.Model.Manifest.Window;
        IReadOnlyList<SeriesForecast> forecasts = [];
        if (rows.Metrics.Count > 0)
        {
            var panel = SeriesPanelBuilder.Build(rows);
            forecasts = champion.Model.Forecast(panel, panel.Days - 1);
        }

        return new AdvertiserForecastDto(
            advertiserId,
            recent.LastDay ?? DateOnly.FromDateTime(DateTime.UtcNow),
            window.HorizonDays,
            champion.ModelId,
            champion.Version,
            forecasts.Where(series => scenario is null || series.Scenario == scenario)
                .Select(series => new ScenarioForecastDto(
                    series.Scenario,
                    series.ChurnProbability,
                    series.Tasks.ToDictionary(
                        task => task.Task.Name(),
                        task => new TaskForecastDto(task.Point, task.Rate, task.Lower, task.Upper, task.ExpertWeights))))
                .ToList(),
            champion.Model.Manifest.Schema.UntrainedTasks.ToDictionary(pair => pair.Key.Name(), pair => pair.Value));
    }
}
