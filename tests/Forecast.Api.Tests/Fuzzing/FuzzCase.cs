using System.Text;
using System.Text.Json.Nodes;

namespace Forecast.Api.Tests.Fuzzing;

/// <summary>One hostile request: what was done to the valid example, and the request itself.</summary>
public sealed record FuzzCase(WriteOperation Operation, string Mutation, string Path, byte[]? Body, string ContentType)
{
    // Raw JSON text, so that what System.Text.Json would refuse to write (lone surrogates, out-of-range numbers,
    // duplicate keys) reaches the service as a hostile client would send it.
    private static readonly string[] HostileStrings =
    [
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001f\\u007f\"", "\"\\ud800\"", "\"x\\udfffy\"", "\"\\u202e\\u200b\"", "\"😀👩‍👩‍👧\"",
        "\"\"", "\"   \"", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"%00\"", "\"\\\\\"",
        "\"" + new string('x', 100_000) + "\"", "\"" + string.Concat(Enumerable.Repeat("é", 20_000)) + "\"",
    ];

    private static readonly string[] HostileNumbers =
    [
        "1e308", "-1e308", "1e309", "-0", "4.9e-324", "1e-400", "9223372036854775808", "-9223372036854775809",
        "79228162514264337593543950336", "0.30000000000000004", "123456789012345678901234567890",
    ];

    private static readonly string[] OtherTypes = ["null", "true", "[]", "{}", "\"text\"", "42", "[1,2]", "{\"a\":1}"];

    public static FuzzCase Generate(WriteOperation operation, IReadOnlyDictionary<string, string> pathValues, Random random)
    {
        var path = operation.PathTemplate;
        var mutation = "example";
        foreach (var parameter in Parameters(operation.PathTemplate))
        {
            var value = pathValues.GetValueOrDefault(parameter, "a1");
            if (random.NextDouble() < 0.15)
            {
                // No %00: Kestrel (and the test server) refuse a path with NUL before the application sees it.
                value = random.GetItems(["\u0001", "a\u001fb", "%", "../x", new string('p', 5000), "😀", " ", "\u202e", "-1", "00000000-0000-0000-0000-000000000000"], 1)[0];
                mutation = $"path {parameter}";
            }

            path = path.Replace("{" + parameter + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        if (operation.Example is null)
        {
            return new FuzzCase(operation, mutation, path, null, "application/json");
        }

        var roll = random.NextDouble();
        if (roll < 0.08)
        {
            var raw = random.GetItems(["", "null", "{", "{\"rows\": [", "[]", "\"x\"", "{}{}", "{\"a\":1,}", "\u0000", "nul"], 1)[0];
            return new FuzzCase(operation, $"raw body {Describe(raw)}", path, Encoding.UTF8.GetBytes(raw), "application/json");
        }

        if (roll < 0.11)
        {
            return new FuzzCase(operation, "invalid UTF-8", path, [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d], "application/json");
        }

        if (roll < 0.13)
        {
            var body = Encoding.UTF8.GetBytes(operation.Example.ToJsonString());
            return new FuzzCase(operation, "wrong content type", path, body, random.GetItems(["text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded"], 1)[0]);
        }

        var (text, description) = MutateExample(operation.Example, random);
        return new FuzzCase(operation, description, path, Encoding.UTF8.GetBytes(text), "application/json");
    }

    private static (string Json, string Description) MutateExample(JsonNode example, Random random)
    {
        var document = example.DeepClone();
        var leaves = Leaves(document).ToList();
        const string Placeholder = "\"__fuzz__\"";
        var (node, name) = leaves[random.Next(leaves.Count)];
        var kind = random.Next(7);
        string replacement;
        string description;
        switch (kind)
        {
            case 0 or 1:
                replacement = random.GetItems(HostileStrings, 1)[0];
                description = $"{name} = string {Describe(replacement)}";
                break;
            case 2:
                replacement = random.GetItems(HostileNumbers, 1)[0];
                description = $"{name} = number {replacement}";
                break;
            case 3:
                replacement = random.GetItems(OtherTypes, 1)[0];
                description = $"{name} = {replacement}";
                break;
            case 4:
                var depth = random.Next(65, 400);
                replacement = new string('[', depth) + new string(']', depth);
                description = $"{name} nested {depth} deep";
                break;
            case 5 when node.Parent is JsonObject parent:
                var property = parent.First(pair => ReferenceEquals(pair.Value, node)).Key;
                if (random.NextDouble() < 0.5)
                {
                    parent.Remove(property);
                    return (document.ToJsonString(), $"{name} removed");
                }

                // The same property twice, the second hostile: which one wins must not matter.
                replacement = "\"x\",\"" + property + "\":" + random.GetItems(HostileStrings, 1)[0];
                description = $"{name} duplicated";
                break;
            case 6 when node.Parent is JsonObject:
                replacement = "\"x\",\"unknownField\":1";
                description = $"unknown property beside {name}";
                break;
            default:
                replacement = random.GetItems(OtherTypes, 1)[0];
                description = $"{name} = {replacement}";
                break;
        }

        Replace(node, JsonValue.Create("__fuzz__"));
        var json = document.ToJsonString();
        var at = json.IndexOf(Placeholder, StringComparison.Ordinal);
        return (json[..at] + replacement + json[(at + Placeholder.Length)..], description);
    }

    private static void Replace(JsonNode node, JsonNode replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[parent.First(pair => ReferenceEquals(pair.Value, node)).Key] = replacement;
                break;
            case JsonArray array:
                array[array.IndexOf(node)] = replacement;
                break;
        }
    }

    private static IEnumerable<(JsonNode Node, string Name)> Leaves(JsonNode node, string name = "body")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is null) continue;
                    foreach (var leaf in Leaves(value, $"{name}.{key}")) yield return leaf;
                }

                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    if (array[index] is { } item)
                    {
                        foreach (var leaf in Leaves(item, $"{name}[{index}]")) yield return leaf;
                    }
                }

                break;
            default:
                if (node.Parent is not null) yield return (node, name);
                break;
        }
    }

    private static IEnumerable<string> Parameters(string template) =>
        template.Split('/').Where(segment => segment.StartsWith('{')).Select(segment => segment.Trim('{', '}').Split(':')[0]);

    private static string Describe(string raw) => raw.Length > 24 ? $"{raw[..12]}…({raw.Length} chars)" : raw;
}
