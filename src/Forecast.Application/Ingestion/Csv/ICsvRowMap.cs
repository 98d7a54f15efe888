namespace Forecast.Application.Ingestion.Csv;

/// <summary>How one CSV record becomes a row of a batch; column names are the JSON property names.</summary>
public interface ICsvRowMap<out TRow>
{
    IReadOnlyList<string> RequiredColumns { get; }

    TRow Read(CsvFields fields);
}
