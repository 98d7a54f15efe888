using System.Text.Json;

namespace Forecast.Application.Accuracy;

/// <summary>A forecast model's validation SMAPE per task, as its training recorded it in the registry's metrics.</summary>
public static class ValidationScores
{
    public static IReadOnlyDictionary<string, double> Smape(JsonElement? metrics) =>
        metrics is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("validationSmape", out var scores) && scores.ValueKind == JsonValueKind.Object
            ? scores.EnumerateObject().Where(task => task.Value.ValueKind == JsonValueKind.Number).ToDictionary(task => task.Name, task => task.Value.GetDouble())
            : new Dictionary<string, double>();
}
