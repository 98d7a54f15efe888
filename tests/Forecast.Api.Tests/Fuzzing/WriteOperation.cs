using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forecast.Api.Tests.Fuzzing;

/// <summary>A write endpoint as the OpenAPI document describes it: method, path template and its JSON request example.</summary>
public sealed record WriteOperation(string Method, string PathTemplate, bool AdminOnly, JsonNode? Example)
{
    public static IReadOnlyList<WriteOperation> FromDocument(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "post" or "put" or "delete" or "patch")
                .Select(operation => new WriteOperation(
                    operation.Name.ToUpperInvariant(),
                    path.Name,
                    operation.Value.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(tag => tag.GetString()!.Contains("admin", StringComparison.Ordinal)),
                    JsonExample(operation.Value))))
            .OrderBy(operation => operation.PathTemplate, StringComparer.Ordinal)
            .ThenBy(operation => operation.Method, StringComparer.Ordinal)
            .ToList();

    private static JsonNode? JsonExample(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body)
        && body.GetProperty("content").TryGetProperty("application/json", out var json)
        && json.TryGetProperty("example", out var example)
            ? JsonNode.Parse(example.GetRawText())
            : null;
}
