namespace Forecast.Application.Forecasts;

/// <summary>An advertiser's forecast for the next horizon in every scenario it is active in.</summary>
/// <param name="AdvertiserId">The tenant's advertiser id.</param>
/// <param name="AsOf">Last day of data the forecast starts from; the horizon is the days after it.</param>
/// <param name="HorizonDays">Days forecast.</param>
/// <param name="ModelId">The champion model that made it.</param>
/// <param name="ModelVersion">Its version.</param>
/// <param name="Scenarios">One forecast per scenario the advertiser delivered in during the last 28 days.</param>
/// <param name="NotForecast">Tasks the model was not trained for, and why (e.g. no spend sent).</param>
/// <param name="ServedFrom">
/// <c>batch-scored</c>: read from the forecasts table, scored from the tenant's latest day by this champion (it is
/// rescored after every training and every ingestion that changes daily metrics or behaviour); <c>computed-now</c>:
/// that table was not yet up to date for this advertiser, so the forecast was computed for this request; <c>issued</c>:
/// read back, with <c>asOf</c>, as it was issued on a past day.
/// </param>
public sealed record AdvertiserForecastDto(
    string AdvertiserId,
    DateOnly AsOf,
    int HorizonDays,
    Guid ModelId,
    int ModelVersion,
    IReadOnlyList<ScenarioForecastDto> Scenarios,
    IReadOnlyDictionary<string, string> NotForecast,
    string ServedFrom)
{
    public const string BatchScored = "batch-scored";
    public const string ComputedNow = "computed-now";
    public const string Issued = "issued";
}

/// <summary>One scenario's forecast.</summary>
/// <param name="Scenario">Scenario key.</param>
/// <param name="ChurnProbability">Probability of no active day in the horizon.</param>
/// <param name="Tasks">Per task (impressions, clicks, active_days, spend when trained): the forecast, its 80% interval and the experts that drove it.</param>
public sealed record ScenarioForecastDto(string Scenario, double ChurnProbability, IReadOnlyDictionary<string, TaskForecastDto> Tasks);

/// <summary>A task's total over the horizon.</summary>
/// <param name="Forecast">Point forecast (0 when a zero is more likely than not).</param>
/// <param name="Rate">The Poisson rate: the expected value.</param>
/// <param name="Lower">Lower end of the 80% interval.</param>
/// <param name="Upper">Upper end of the 80% interval.</param>
/// <param name="Model">
/// The forecaster that produced this task's numbers, chosen on recent validation days for this task and scenario:
/// <c>m2m</c>, <c>lightgbm</c> (gradient-boosted trees), a baseline (<c>seasonal-naive-7d</c>, <c>naive-last-day</c>,
/// <c>moving-average-28d</c>) or a blend such as <c>0.7 m2m + 0.3 lightgbm</c>.
/// </param>
/// <param name="ExpertWeights">M2M's meta-attention weight of each expert for this task and scenario (sums to 1).</param>
public sealed record TaskForecastDto(double Forecast, double Rate, double Lower, double Upper, string Model, IReadOnlyList<float> ExpertWeights);
