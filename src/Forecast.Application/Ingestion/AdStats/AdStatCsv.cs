using Forecast.Application.Ingestion.Csv;

namespace Forecast.Application.Ingestion.AdStats;

/// <summary>
/// CSV columns: advertiserId, scenario, bucketStart, bucketMinutes, impressions, clicks[, conversions][, cost]; every
/// other column is a context field (ad, creative, device...), so impression logs with any context can be sent as is.
/// </summary>
public sealed class AdStatCsv : ICsvRowMap<AdStatRow>
{
    private static readonly HashSet<string> KnownColumns =
        ["advertiserId", "scenario", "bucketStart", "bucketMinutes", "impressions", "clicks", "conversions", "cost"];

    public IReadOnlyList<string> RequiredColumns { get; } =
        ["advertiserId", "scenario", "bucketStart", "bucketMinutes", "impressions", "clicks"];

    public AdStatRow Read(CsvFields fields) => new(
        fields.Required<string>("advertiserId"),
        fields.Required<string>("scenario"),
        fields.Required<DateTimeOffset>("bucketStart"),
        fields.Required<int>("bucketMinutes"),
        fields.Required<long>("impressions"),
        fields.Required<long>("clicks"),
        fields.Others(KnownColumns),
        fields.Optional<long>("conversions"),
        fields.Optional<decimal>("cost"));
}
