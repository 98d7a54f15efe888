using Forecast.Application.Ingestion.Csv;

namespace Forecast.Application.Ingestion.AuctionOutcomes;

/// <summary>CSV columns: auctionId, scenario, occurredAt, bid, won[, marketPrice][, advertiserId].</summary>
public sealed class AuctionOutcomeCsv : ICsvRowMap<AuctionOutcomeRow>
{
    public IReadOnlyList<string> RequiredColumns { get; } = ["auctionId", "scenario", "occurredAt", "bid", "won"];

    public AuctionOutcomeRow Read(CsvFields fields) => new(
        fields.Required<string>("auctionId"),
        fields.Required<string>("scenario"),
        fields.Required<DateTimeOffset>("occurredAt"),
        fields.Required<decimal>("bid"),
        fields.Required<bool>("won"),
        fields.Optional<decimal>("marketPrice"),
        fields.OptionalText("advertiserId"));
}
