using Forecast.Application.Forecasts.ExportForecasts;
using Parquet;
using Parquet.Schema;

namespace Forecast.Infrastructure.Forecasts.Export;

/// <summary>
/// Parquet with one row group per <see cref="RowGroupRows"/> rows: the rows of one group are all that is held, whatever
/// the number of advertisers. Columns as in the CSV and the JSON API.
/// </summary>
internal sealed class ParquetForecastExport : IForecastExportFormat
{
    /// <summary>About 5 MB of rows held at a time; large enough that readers scan few groups.</summary>
    public const int RowGroupRows = 50_000;

    private static readonly DataField<string> AdvertiserId = new("advertiserId");
    private static readonly DataField<string> Scenario = new("scenario");
    private static readonly DataField<string> Task = new("task");
    private static readonly DataField<DateOnly> AsOf = new("asOf");
    private static readonly DataField<int> HorizonDays = new("horizonDays");
    private static readonly DataField<double> Forecast = new("forecast");
    private static readonly DataField<double> Rate = new("rate");
    private static readonly DataField<double> Lower = new("lower");
    private static readonly DataField<double> Upper = new("upper");
    private static readonly DataField<string> Model = new("model");
    private static readonly DataField<double> ChurnProbability = new("churnProbability");
    private static readonly DataField<int> ModelVersion = new("modelVersion");

    private static readonly ParquetSchema Schema = new(
        AdvertiserId, Scenario, Task, AsOf, HorizonDays, Forecast, Rate, Lower, Upper, Model, ChurnProbability, ModelVersion);

    public string Name => "parquet";

    public string ContentType => "application/vnd.apache.parquet";

    public async Task WriteAsync(Stream output, IAsyncEnumerable<ExportedForecast> rows, CancellationToken cancellationToken)
    {
        var body = new AsyncFlushStream(output);
        await using (var writer = await ParquetWriter.CreateAsync(Schema, body, cancellationToken: cancellationToken))
        {
            var group = new List<ExportedForecast>(RowGroupRows);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                group.Add(row);
                if (group.Count == RowGroupRows)
                {
                    await WriteGroupAsync(writer, group, cancellationToken);
                    group.Clear();
                }
            }

            if (group.Count > 0)
            {
                await WriteGroupAsync(writer, group, cancellationToken);
            }
        }

        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, List<ExportedForecast> rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(AdvertiserId, rows.Select(row => row.AdvertiserId).ToArray());
        await group.WriteAsync(Scenario, rows.Select(row => row.Scenario).ToArray());
        await group.WriteAsync(Task, rows.Select(row => row.Task).ToArray());
        await group.WriteAsync<DateOnly>(AsOf, rows.Select(row => row.AsOf).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<int>(HorizonDays, rows.Select(row => row.HorizonDays).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<double>(Forecast, rows.Select(row => row.Forecast).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<double>(Rate, rows.Select(row => row.Rate).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<double>(Lower, rows.Select(row => row.Lower).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<double>(Upper, rows.Select(row => row.Upper).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync(Model, rows.Select(row => row.Model).ToArray());
        await group.WriteAsync<double>(ChurnProbability, rows.Select(row => row.ChurnProbability).ToArray(), cancellationToken: cancellationToken);
        await group.WriteAsync<int>(ModelVersion, rows.Select(row => row.ModelVersion).ToArray(), cancellationToken: cancellationToken);
    }
}
