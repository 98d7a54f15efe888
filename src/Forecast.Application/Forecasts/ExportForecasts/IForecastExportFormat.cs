namespace Forecast.Application.Forecasts.ExportForecasts;

/// <summary>A file format forecasts are exported in: writes rows to a stream as they come, never holding them all.</summary>
public interface IForecastExportFormat
{
    /// <summary>What <c>format=</c> names it.</summary>
    string Name { get; }

    string ContentType { get; }

    Task WriteAsync(Stream output, IAsyncEnumerable<ExportedForecast> rows, CancellationToken cancellationToken);
}
