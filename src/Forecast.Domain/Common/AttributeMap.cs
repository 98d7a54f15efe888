namespace Forecast.Domain.Common;

/// <summary>Equality of the free-form string attribute maps that describe scenarios and advertisers.</summary>
public static class AttributeMap
{
    public static bool SameAs(this IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
