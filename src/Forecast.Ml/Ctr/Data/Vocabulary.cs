using System.Text.Json.Serialization;

namespace Forecast.Ml.Ctr.Data;

/// <summary>Values seen in training, numbered from 1; 0 is the out-of-vocabulary bucket every unseen value falls into.</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, long> _index;

    [JsonConstructor]
    public Vocabulary(IReadOnlyList<string> values)
    {
        Values = values;
        _index = values.Select((value, position) => (value, position)).ToDictionary(pair => pair.value, pair => (long)pair.position + 1, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Values { get; }

    /// <summary>Embedding rows needed: the values and the out-of-vocabulary bucket.</summary>
    [JsonIgnore]
    public int Size => Values.Count + 1;

    public long IndexOf(string? value) => value is not null && _index.TryGetValue(value, out var index) ? index : 0;

    public static Vocabulary Of(IEnumerable<string> values) => new(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
}
