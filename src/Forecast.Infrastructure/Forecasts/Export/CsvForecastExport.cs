using System.Globalization;
using System.Text;
using Forecast.Application.Forecasts.ExportForecasts;

namespace Forecast.Infrastructure.Forecasts.Export;

/// <summary>RFC 4180 CSV, UTF-8 without a byte-order mark, invariant numbers that read back to the same double.</summary>
internal sealed class CsvForecastExport : IForecastExportFormat
{
    public string Name => "csv";

    public string ContentType => "text/csv; charset=utf-8";

    public async Task WriteAsync(Stream output, IAsyncEnumerable<ExportedForecast> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', ExportedForecast.Columns).AsMemory(), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(row).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Line(ExportedForecast row) => string.Join(',',
        Quoted(row.AdvertiserId), Quoted(row.Scenario), Quoted(row.Task), row.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.HorizonDays.ToString(CultureInfo.InvariantCulture), Number(row.Forecast), Number(row.Rate), Number(row.Lower), Number(row.Upper),
        Quoted(row.Model), Number(row.ChurnProbability), row.ModelVersion.ToString(CultureInfo.InvariantCulture));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Quoted only where a field needs it: a comma, a quote or a line break.</summary>
    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
