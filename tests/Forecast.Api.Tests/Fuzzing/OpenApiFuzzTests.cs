using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Xunit.Abstractions;

namespace Forecast.Api.Tests.Fuzzing;

/// <summary>
/// Hostile requests generated from the OpenAPI document: every write endpoint's request example with one field made
/// hostile (control characters, NUL, lone surrogates, huge strings, 1e308 and out-of-range numbers, wrong types, deep
/// nesting, duplicate and unknown keys), raw garbage bodies, invalid UTF-8, wrong content types and hostile path
/// parameters. FORECAST_FUZZ_CASES cases (2,000 by default; ./forecast.sh fuzz runs 10,000), seeded.
/// </summary>
public sealed class OpenApiFuzzTests(NoJobServerApp app, ITestOutputHelper output) : IClassFixture<NoJobServerApp>
{
    private const string StoredRows = """
        SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM api_keys) + (SELECT count(*) FROM advertisers)
             + (SELECT count(*) FROM scenarios) + (SELECT count(*) FROM daily_metrics) + (SELECT count(*) FROM behaviour_events)
             + (SELECT count(*) FROM ad_stats) + (SELECT count(*) FROM auction_outcomes) + (SELECT count(*) FROM models)
             + (SELECT count(*) FROM webhooks) + (SELECT count(*) FROM webhook_deliveries)
        """;

    [Fact]
    public async Task Every_write_endpoint_answers_hostile_input_with_a_4xx_problem_naming_the_field_and_writes_nothing()
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("FORECAST_FUZZ_CASES") ?? "2000", CultureInfo.InvariantCulture);
        var document = await (await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);
        var operations = WriteOperation.FromDocument(document);
        var tenant = await app.NewTenantWithA1InAppAsync();
        using var admin = app.AdminClient();
        var pathValues = new Dictionary<string, string>
        {
            ["id"] = "a1",
            ["key"] = "app",
            ["kind"] = "forecast",
            ["tenantId"] = tenant.Id.ToString(),
            ["keyId"] = Guid.NewGuid().ToString(),
        };
        var random = new Random(20261126);
        var failures = new List<string>();
        var outcomes = new SortedDictionary<int, int>();
        var rows = await app.Database.CountAsync(StoredRows);
        var seconds = new Dictionary<string, double>();
        for (var index = 0; index < cases; index++)
        {
            var operation = operations[index % operations.Count];
            var fuzz = FuzzCase.Generate(operation, pathValues, random);
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), fuzz.Path);
            if (fuzz.Body is not null)
            {
                request.Content = new ByteArrayContent(fuzz.Body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzz.ContentType);
            }

            var clock = Stopwatch.StartNew();
            using var response = await (operation.AdminOnly ? admin : tenant.Http).SendAsync(request);
            seconds[operation.Method + " " + operation.PathTemplate] = seconds.GetValueOrDefault(operation.Method + " " + operation.PathTemplate) + clock.Elapsed.TotalSeconds;
            var status = (int)response.StatusCode;
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            var problem = Problem(status, response, await response.Content.ReadAsStringAsync());
            var countClock = Stopwatch.StartNew();
            var after = await app.Database.CountAsync(StoredRows);
            seconds["(row count)"] = seconds.GetValueOrDefault("(row count)") + countClock.Elapsed.TotalSeconds;
            if (status >= 400 && after != rows)
            {
                problem ??= $"rows {rows} -> {after} after a {status}";
            }

            rows = after;
            if (problem is not null)
            {
                failures.Add($"{operation.Method} {operation.PathTemplate} [{fuzz.Mutation}] -> {problem}");
            }
        }

        output.WriteLine($"{cases} cases over {operations.Count} write operations: {string.Join(", ", outcomes.Select(pair => $"{pair.Key} × {pair.Value}"))}");
        foreach (var (name, total) in seconds.OrderByDescending(pair => pair.Value))
        {
            output.WriteLine($"  {name}: {total:F1} s");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join('\n', failures.Take(25)));
    }

    /// <summary>What is wrong with an answer, or null: no 5xx; a 4xx is ProblemDetails, and a 400 names its fields.</summary>
    private static string? Problem(int status, HttpResponseMessage response, string body)
    {
        if (status >= 500) return $"{status}: {Clip(body)}";
        if (status < 400) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} as {response.Content.Headers.ContentType}: {Clip(body)}";
        if (status != 400) return null;
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(field => field.Name.Length > 0)
            ? null
            : $"400 without a named field: {Clip(body)}";
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
