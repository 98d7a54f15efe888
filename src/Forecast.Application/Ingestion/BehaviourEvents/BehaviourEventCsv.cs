using Forecast.Application.Ingestion.Csv;

namespace Forecast.Application.Ingestion.BehaviourEvents;

/// <summary>CSV columns: advertiserId, eventType, occurredAt[, scenario][, value].</summary>
public sealed class BehaviourEventCsv : ICsvRowMap<BehaviourEventRow>
{
    public IReadOnlyList<string> RequiredColumns { get; } = ["advertiserId", "eventType", "occurredAt"];

    public BehaviourEventRow Read(CsvFields fields) => new(
        fields.Required<string>("advertiserId"),
        fields.Required<string>("eventType"),
        fields.Required<DateTimeOffset>("occurredAt"),
        fields.OptionalText("scenario"),
        fields.Optional<double>("value"));
}
