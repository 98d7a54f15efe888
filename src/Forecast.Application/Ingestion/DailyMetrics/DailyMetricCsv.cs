using Forecast.Application.Ingestion.Csv;

namespace Forecast.Application.Ingestion.DailyMetrics;

/// <summary>CSV columns: advertiserId, scenario, date, impressions, clicks[, spend][, conversions].</summary>
public sealed class DailyMetricCsv : ICsvRowMap<DailyMetricRow>
{
    public IReadOnlyList<string> RequiredColumns { get; } = ["advertiserId", "scenario", "date", "impressions", "clicks"];

    public DailyMetricRow Read(CsvFields fields) => new(
        fields.Required<string>("advertiserId"),
        fields.Required<string>("scenario"),
        fields.Required<DateOnly>("date"),
        fields.Required<long>("impressions"),
        fields.Required<long>("clicks"),
        fields.Optional<decimal>("spend"),
        fields.Optional<long>("conversions"));
}
