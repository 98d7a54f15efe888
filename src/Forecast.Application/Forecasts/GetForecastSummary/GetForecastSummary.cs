using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Registry;
using Mediator;

namespace Forecast.Application.Forecasts.GetForecastSummary;

/// <summary>Portfolio view of the batch-scored forecasts: totals per task and the advertisers most likely to churn.</summary>
public sealed record GetForecastSummary(Guid TenantId, string? Scenario) : IQuery<ForecastSummaryDto>;

/// <param name="AsOf">Day the forecasts start from.</param>
/// <param name="HorizonDays">Days forecast.</param>
/// <param name="ModelVersion">Champion version that scored them.</param>
/// <param name="Forecasts">Advertiser × scenario forecasts summed.</param>
/// <param name="Totals">Per task: the sums of point forecasts and of expected values over the portfolio.</param>
/// <param name="MostLikelyToChurn">The ten advertiser × scenario pairs with the highest churn probability.</param>
public sealed record ForecastSummaryDto(
    DateOnly AsOf,
    int HorizonDays,
    int ModelVersion,
    int Forecasts,
    IReadOnlyDictionary<string, TaskTotalDto> Totals,
    IReadOnlyList<ChurnRiskDto> MostLikelyToChurn);

/// <param name="Forecast">Sum of point forecasts.</param>
/// <param name="Rate">Sum of expected values.</param>
public sealed record TaskTotalDto(double Forecast, double Rate);

/// <param name="AdvertiserId">Advertiser.</param>
/// <param name="Scenario">Scenario.</param>
/// <param name="ChurnProbability">Probability of no active day in the horizon.</param>
public sealed record ChurnRiskDto(string AdvertiserId, string Scenario, double ChurnProbability);

public sealed class GetForecastSummaryHandler(IForecastDbContext db, IForecastStore store) : IQueryHandler<GetForecastSummary, ForecastSummaryDto>
{
    public async ValueTask<ForecastSummaryDto> Handle(GetForecastSummary query, CancellationToken cancellationToken)
    {
        var champion = await db.Models.ChampionIdAsync(query.TenantId, ModelKinds.Forecast, cancellationToken)
            ?? throw Refusal.Conflict("No champion model yet", "Train one with POST /v1/models/forecast/train; the summary reads its batch-scored forecasts.");
        var rows = await store.ReadFreshAsync(query.TenantId, champion, null, query.Scenario, cancellationToken);
        if (rows.Count == 0)
        {
            throw Refusal.Conflict("No batch forecasts yet", "The champion has not scored this tenant's latest data yet; scoring follows every training run.");
        }

        var totals = rows.SelectMany(row => row.Forecast.Tasks)
            .GroupBy(task => task.Key)
            .ToDictionary(group => group.Key, group => new TaskTotalDto(group.Sum(task => task.Value.Forecast), group.Sum(task => task.Value.Rate)));
        return new ForecastSummaryDto(
            rows[0].AsOf,
            rows[0].HorizonDays,
            rows[0].ModelVersion,
            rows.Count,
            totals,
            rows.OrderByDescending(row => row.Forecast.ChurnProbability).Take(10)
                .Select(row => new ChurnRiskDto(row.AdvertiserId, row.Forecast.Scenario, row.Forecast.ChurnProbability)).ToList());
    }
}
