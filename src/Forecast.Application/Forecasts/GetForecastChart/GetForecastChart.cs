using FluentValidation;
using Forecast.Application.Common;
using Mediator;

namespace Forecast.Application.Forecasts.GetForecastChart;

/// <summary>What a forecast chart shows: an advertiser's recent daily values of a task in a scenario, and the forecast.</summary>
public sealed record GetForecastChart(Guid TenantId, string AdvertiserId, string Scenario, string Task) : IQuery<ForecastChartData>;

/// <param name="AdvertiserId">Advertiser.</param>
/// <param name="Scenario">Scenario.</param>
/// <param name="Task">Task charted.</param>
/// <param name="History">Daily values of the task over the last 60 days of data.</param>
/// <param name="AsOf">Last day of data.</param>
/// <param name="HorizonDays">Days forecast.</param>
/// <param name="Forecast">The horizon's forecast; null when there is none (task not trained, or the advertiser is inactive there).</param>
/// <param name="NoForecastReason">Why there is no forecast.</param>
public sealed record ForecastChartData(
    string AdvertiserId,
    string Scenario,
    string Task,
    IReadOnlyList<(DateOnly Day, double Value)> History,
    DateOnly AsOf,
    int HorizonDays,
    TaskForecastDto? Forecast,
    string? NoForecastReason);

public sealed class GetForecastChartValidator : AbstractValidator<GetForecastChart>
{
    public static readonly IReadOnlySet<string> Tasks = new HashSet<string> { "spend", "impressions", "clicks", "active_days" };

    public GetForecastChartValidator()
    {
        RuleFor(query => query.Scenario).NotEmpty().OverridePropertyName("scenario");
        RuleFor(query => query.Task).Must(Tasks.Contains).WithMessage($"One of: {string.Join(", ", Tasks)}.").OverridePropertyName("task");
    }
}

public sealed class GetForecastChartHandler(IReferenceReader references, IAdvertiserForecaster forecaster, ITenantHistoryReader history)
    : IQueryHandler<GetForecastChart, ForecastChartData>
{
    private const int HistoryDays = 60;

    public async ValueTask<ForecastChartData> Handle(GetForecastChart query, CancellationToken cancellationToken)
    {
        await references.EnsureExistAsync(query.TenantId, query.AdvertiserId, query.Scenario, cancellationToken);

        var forecast = (await forecaster.ForecastAsync(query.TenantId, [query.AdvertiserId], query.Scenario, cancellationToken) ?? throw NoForecastModel.Refusal()).Single();
        var recent = await history.ReadAsync(query.TenantId, [query.AdvertiserId], HistoryDays, behaviourDays: 0, cancellationToken);
        var daily = recent.Metrics.Where(row => row.Scenario == query.Scenario).ToDictionary(row => row.Date);
        var days = Enumerable.Range(0, HistoryDays).Select(back => forecast.AsOf.AddDays(-back)).Reverse();
        var series = days.Select(day => (day, daily.TryGetValue(day, out var row) ? ValueOf(row, query.Task) : 0)).ToList();
        var task = forecast.Scenarios.SingleOrDefault()?.Tasks.GetValueOrDefault(query.Task);
        var reason = task is not null
            ? null
            : forecast.NotForecast.GetValueOrDefault(query.Task) ?? "The advertiser did not deliver in this scenario in the last 28 days.";
        return new ForecastChartData(query.AdvertiserId, query.Scenario, query.Task, series, forecast.AsOf, forecast.HorizonDays, task, reason);
    }

    private static double ValueOf(Ingestion.DailyMetrics.DailyMetricRow row, string task) => task switch
    {
        "spend" => (double)(row.Spend ?? 0),
        "impressions" => row.Impressions ?? 0,
        "clicks" => row.Clicks ?? 0,
        _ => row.IsActive ? 1 : 0,
    };
}
