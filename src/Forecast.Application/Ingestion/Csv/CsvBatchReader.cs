using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Forecast.Application.Common.Refusals;

namespace Forecast.Application.Ingestion.Csv;

/// <summary>
/// Reads an RFC 4180 CSV batch with a header row into the same rows a JSON batch carries, so both formats share
/// validation and the write path. Any unreadable field rejects the batch with every error found (up to the limit).
/// </summary>
public static class CsvBatchReader
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = true,
    };

    public static async Task<IReadOnlyList<TRow>> ReadAsync<TRow>(
        Stream body, ICsvRowMap<TRow> map, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body);
        using var csv = new CsvReader(text, Configuration);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw Invalid("The CSV body is empty; it needs a header row and at least one data row.", "header", "Missing header row.");
        }

        var columns = header.Select((name, index) => (name, index))
            .GroupBy(column => column.name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().index, StringComparer.Ordinal);
        var missing = map.RequiredColumns.Where(column => !columns.ContainsKey(column)).ToList();
        if (missing.Count > 0)
        {
            throw Invalid(
                $"The CSV header lacks the required columns {string.Join(", ", missing)}.",
                "header",
                $"Required columns: {string.Join(", ", map.RequiredColumns)}.");
        }

        var errors = new List<KeyValuePair<string, string>>();
        var fields = new CsvFields(columns, errors);
        var rows = new List<TRow>();
        try
        {
            while (errors.Count < BatchLimits.MaxReportedErrors && await csv.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                BatchLimits.EnsureRowCountAllowed(rows.Count + 1);
                fields.MoveTo(rows.Count, csv.Parser.Record ?? []);
                rows.Add(map.Read(fields));
            }
        }
        catch (BadDataException exception)
        {
            errors.Add(new($"rows[{rows.Count}]", $"Malformed CSV: {exception.Message.Split('\n')[0]}"));
        }

        if (errors.Count > 0)
        {
            var byField = errors.GroupBy(error => error.Key)
                .ToDictionary(group => group.Key, group => group.Select(error => error.Value).ToArray());
            throw Refusal.Invalid($"{errors.Count} field(s) of the CSV batch are invalid; nothing was written.", byField);
        }

        return rows;
    }

    private static Refusal Invalid(string detail, string field, string message) =>
        Refusal.Invalid(detail, new Dictionary<string, string[]> { [field] = [message] });
}
