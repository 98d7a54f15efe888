using System.Globalization;

namespace Forecast.Application.Ingestion.Csv;

/// <summary>
/// Typed access to the fields of the current CSV record. A field that is missing or does not parse records an error
/// named <c>rows[i].column</c> (i counts data rows from 0, as in JSON) and yields a default, so one pass reports every
/// bad field of the file up to the error limit.
/// </summary>
public sealed class CsvFields(IReadOnlyDictionary<string, int> columns, List<KeyValuePair<string, string>> errors)
{
    private string?[] _record = [];

    public int RowIndex { get; private set; }

    internal void MoveTo(int rowIndex, string?[] record)
    {
        RowIndex = rowIndex;
        _record = record;
    }

    public T Required<T>(string column)
        where T : IParsable<T>
    {
        var text = Raw(column);
        if (string.IsNullOrEmpty(text))
        {
            AddError(column, $"'{column}' is required.");
            return default!;
        }

        return Parse<T>(column, text);
    }

    public T? Optional<T>(string column)
        where T : struct, IParsable<T> =>
        Raw(column) is { Length: > 0 } text ? Parse<T>(column, text) : null;

    public string? OptionalText(string column) => Raw(column) is { Length: > 0 } text ? text : null;

    /// <summary>The non-empty fields of every column not in <paramref name="knownColumns"/>: free context fields.</summary>
    public Dictionary<string, string> Others(IReadOnlySet<string> knownColumns)
    {
        var others = new Dictionary<string, string>();
        foreach (var (name, index) in columns)
        {
            if (!knownColumns.Contains(name) && index < _record.Length && _record[index] is { Length: > 0 } value)
            {
                others[name] = value;
            }
        }

        return others;
    }

    private string? Raw(string column) =>
        columns.TryGetValue(column, out var index) && index < _record.Length ? _record[index] : null;

    private T Parse<T>(string column, string text)
        where T : IParsable<T>
    {
        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        AddError(column, $"'{column}' is not a valid {typeof(T).Name}: '{Shorten(text)}'.");
        return default!;
    }

    private void AddError(string column, string message) =>
        errors.Add(new KeyValuePair<string, string>($"rows[{RowIndex}].{column}", message));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
