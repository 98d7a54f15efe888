using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Application.Forecasts.ExportForecasts;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;
using Parquet;

namespace Forecast.Api.Tests.Forecasts;

[Collection(ApiCollection.Name)]
public sealed class ForecastExportTests(ForecastApp app)
{
    [Fact]
    public async Task The_csv_and_parquet_exports_hold_every_stored_forecast_as_the_json_api_gives_it()
    {
        var (tenant, _) = await DemoTenant.CreateAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainForecastModelJob>().RunAsync(tenant.Id, null, CancellationToken.None);
        }

        var summary = await DemoTenant.WaitForSummaryAsync(tenant);

        var csvResponse = await tenant.Http.GetAsync("/v1/forecasts/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("forecasts.csv", csvResponse.Content.Headers.ContentDisposition?.FileName);
        var csv = ReadCsv(await csvResponse.Content.ReadAsStringAsync());
        var parquetResponse = await tenant.Http.GetAsync("/v1/forecasts/export?format=parquet");
        Assert.Equal("application/vnd.apache.parquet", parquetResponse.Content.Headers.ContentType?.MediaType);
        var parquet = await ReadParquetAsync(await parquetResponse.Content.ReadAsStreamAsync());

        Assert.NotEmpty(csv);
        Assert.All(csv, row => Assert.Equal(ExportedForecast.Columns, row.Keys));
        Assert.Equal(csv, parquet);
        Assert.Equal(summary.GetProperty("forecasts").GetInt32(), csv.Select(row => (row["advertiserId"], row["scenario"])).Distinct().Count());
        var advertisers = csv.Select(row => row["advertiserId"]).Distinct().ToList();
        var queried = await (await tenant.Http.PostAsJsonAsync("/v1/forecasts/query", new { advertiserIds = advertisers })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(csv, JsonRows(queried.GetProperty("forecasts")));

        var appOnly = await (await tenant.Http.GetAsync("/v1/forecasts/export?format=csv&scenario=app")).Content.ReadAsStringAsync();
        Assert.Equal(csv.Where(row => row["scenario"] == "app").ToList(), ReadCsv(appOnly));
    }

    [Fact]
    public async Task A_bad_format_or_horizon_is_a_400_naming_it_an_unknown_scenario_a_404_and_no_champion_a_409()
    {
        var tenant = await app.NewTenantAsync();

        var format = await (await tenant.Http.GetAsync("/v1/forecasts/export?format=xlsx")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["format"], format.ErrorFields());
        var horizon = await (await tenant.Http.GetAsync("/v1/forecasts/export?horizon=28")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["horizon"], horizon.ErrorFields());
        await (await tenant.Http.GetAsync("/v1/forecasts/export?scenario=ghost")).ReadJsonAsync(HttpStatusCode.NotFound);
        var none = await (await tenant.Http.GetAsync("/v1/forecasts/export?format=parquet")).ReadJsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("POST /v1/models/forecast/train", none.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Rows as column → text, in file order; numbers as the invariant round-trip text of their double.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0]);
        return lines.Skip(1).Select(line => header.Zip(Fields(line)).ToDictionary(pair => pair.First, pair => Normalised(pair.First, pair.Second))).ToList();
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"' when quoted && i + 1 < line.Length && line[i + 1] == '"':
                    field.Append('"');
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                default:
                    field.Append(line[i]);
                    break;
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static readonly HashSet<string> Numbers = ["forecast", "rate", "lower", "upper", "churnProbability"];

    private static string Normalised(string column, string value) =>
        Numbers.Contains(column) ? double.Parse(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : value;

    private static async Task<List<Dictionary<string, string>>> ReadParquetAsync(Stream stream)
    {
        var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered);
        await using var reader = await ParquetReader.CreateAsync(buffered);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<Dictionary<string, string>>();
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var groupReader = reader.OpenRowGroupReader(group);
            var count = (int)groupReader.RowCount;
            var columns = new List<string[]>();
            foreach (var field in fields)
            {
                columns.Add(await ReadColumnAsync(groupReader, field, count));
            }

            for (var row = 0; row < count; row++)
            {
                rows.Add(fields.Select((field, column) => (field.Name, Value: columns[column][row]))
                    .ToDictionary(pair => pair.Name, pair => Normalised(pair.Name, pair.Value)));
            }
        }

        return rows;
    }

    private static async Task<string[]> ReadColumnAsync(ParquetRowGroupReader group, Parquet.Schema.DataField field, int count)
    {
        if (field.Name is "advertiserId" or "scenario" or "task" or "model")
        {
            var text = new string?[count];
            await group.ReadAsync(field, text.AsMemory());
            return text.Select(value => value ?? "").ToArray();
        }

        if (field.Name == "asOf")
        {
            // A Parquet DATE, which Parquet.Net reads back as a DateTime at midnight.
            var days = new DateTime[count];
            await group.ReadAsync<DateTime>(field, days.AsMemory());
            return days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        }

        if (field.Name is "horizonDays" or "modelVersion")
        {
            var integers = new int[count];
            await group.ReadAsync<int>(field, integers.AsMemory());
            return integers.Select(value => value.ToString(CultureInfo.InvariantCulture)).ToArray();
        }

        var doubles = new double[count];
        await group.ReadAsync<double>(field, doubles.AsMemory());
        return doubles.Select(value => value.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    private static List<Dictionary<string, string>> JsonRows(JsonElement forecasts) =>
        forecasts.EnumerateArray()
            .Where(forecast => forecast.GetProperty("servedFrom").GetString() == "batch-scored")
            .SelectMany(forecast => forecast.GetProperty("scenarios").EnumerateArray()
                .SelectMany(scenario => scenario.GetProperty("tasks").EnumerateObject().OrderBy(task => task.Name, StringComparer.Ordinal)
                    .Select(task => new Dictionary<string, string>
                    {
                        ["advertiserId"] = forecast.GetProperty("advertiserId").GetString()!,
                        ["scenario"] = scenario.GetProperty("scenario").GetString()!,
                        ["task"] = task.Name,
                        ["asOf"] = forecast.GetProperty("asOf").GetString()!,
                        ["horizonDays"] = forecast.GetProperty("horizonDays").GetInt32().ToString(CultureInfo.InvariantCulture),
                        ["forecast"] = Normalised("forecast", task.Value.GetProperty("forecast").GetRawText()),
                        ["rate"] = Normalised("rate", task.Value.GetProperty("rate").GetRawText()),
                        ["lower"] = Normalised("lower", task.Value.GetProperty("lower").GetRawText()),
                        ["upper"] = Normalised("upper", task.Value.GetProperty("upper").GetRawText()),
                        ["model"] = task.Value.GetProperty("model").GetString()!,
                        ["churnProbability"] = Normalised("churnProbability", scenario.GetProperty("churnProbability").GetRawText()),
                        ["modelVersion"] = forecast.GetProperty("modelVersion").GetInt32().ToString(CultureInfo.InvariantCulture),
                    })))
            .ToList();
}
