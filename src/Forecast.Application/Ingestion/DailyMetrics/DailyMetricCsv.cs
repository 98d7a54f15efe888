using Forecast.Application.Ingestion.Csv;

namespace Forecast.Application.Ingestion.DailyMetrics;

/// <summary>
/// CSV columns: advertiserId, scenario, date, then the channels tracked, at least one of impressions, clicks, spend,
/// conversions (an empty cell is a channel not tracked that day).
/// </summary>
public sealed class DailyMetricCsv : ICsvRowMap<DailyMetricRow>
{
    public IReadOnlyList<string> RequiredColumns { get; } = ["advertiserId", "scenario", "date"];

    public DailyMetricRow Read(CsvFields fields) => new(
        fields.Required<string>("advertiserId"),
        fields.Required<string>("scenario"),
        fields.Required<DateOnly>("date"),
        fields.Optional<long>("impressions"),
        fields.Optional<long>("clicks"),
        fields.Optional<decimal>("spend"),
        fields.Optional<long>("conversions"));
}
