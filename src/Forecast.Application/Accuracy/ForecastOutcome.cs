using Forecast.Application.Forecasts;

namespace Forecast.Application.Accuracy;

/// <summary>An advertiser's totals in one scenario over a stretch of days: what it delivered, or what the naive expects.</summary>
/// <param name="Impressions">Impressions.</param>
/// <param name="Clicks">Clicks.</param>
/// <param name="Spend">Null when the tenant sent no spend for these days.</param>
/// <param name="ActiveDays">Days with any tracked channel above zero.</param>
public sealed record ChannelTotals(double Impressions, double Clicks, double? Spend, int ActiveDays);

/// <summary>
/// One issued forecast next to what happened: the snapshot's forecast of each task and its churn probability, the
/// horizon's actual totals, and the seasonal naive forecast (the 7 days up to the as-of day, scaled to the horizon).
/// </summary>
public sealed record ForecastOutcome(
    string Scenario,
    int HorizonDays,
    double ChurnProbability,
    IReadOnlyDictionary<string, TaskForecastDto> Tasks,
    ChannelTotals Actual,
    ChannelTotals LastWeek);
