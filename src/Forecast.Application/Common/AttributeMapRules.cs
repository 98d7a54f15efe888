namespace Forecast.Application.Common;

/// <summary>Limits of the free-form attribute maps (scenario attributes, advertiser profile, ad context).</summary>
public static class AttributeMapRules
{
    public const int MaxAttributes = 64;
    public const int MaxNameLength = 128;
    public const int MaxValueLength = 256;

    public const string Message =
        "At most 64 attributes, each with a non-empty name of at most 128 characters and a value of at most 256 characters.";

    public static bool IsValid(IReadOnlyDictionary<string, string> map) =>
        map.Count <= MaxAttributes && map.All(pair =>
            pair.Key.Length is > 0 and <= MaxNameLength && pair.Value is not null && pair.Value.Length <= MaxValueLength);
}
