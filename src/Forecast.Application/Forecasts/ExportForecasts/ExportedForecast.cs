using System.Runtime.CompilerServices;

namespace Forecast.Application.Forecasts.ExportForecasts;

/// <summary>
/// One row of a forecast export: one task of one advertiser's forecast in one scenario, with the same figures the JSON
/// API gives for it (<see cref="TaskForecastDto"/>, <see cref="ScenarioForecastDto"/>).
/// </summary>
public sealed record ExportedForecast(
    string AdvertiserId,
    string Scenario,
    string Task,
    DateOnly AsOf,
    int HorizonDays,
    double Forecast,
    double Rate,
    double Lower,
    double Upper,
    string Model,
    double ChurnProbability,
    int ModelVersion)
{
    /// <summary>The columns in file order, as their names appear in the JSON API.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["advertiserId", "scenario", "task", "asOf", "horizonDays", "forecast", "rate", "lower", "upper", "model", "churnProbability", "modelVersion"];

    public static async IAsyncEnumerable<ExportedForecast> RowsOf(
        IAsyncEnumerable<StoredScenarioForecast> stored, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in stored.WithCancellation(cancellationToken))
        {
            foreach (var (task, figures) in row.Forecast.Tasks.OrderBy(task => task.Key, StringComparer.Ordinal))
            {
                yield return new ExportedForecast(
                    row.AdvertiserId, row.Forecast.Scenario, task, row.AsOf, row.HorizonDays,
                    figures.Forecast, figures.Rate, figures.Lower, figures.Upper, figures.Model, row.Forecast.ChurnProbability, row.ModelVersion);
            }
        }
    }
}
