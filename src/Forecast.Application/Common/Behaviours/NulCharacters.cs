using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FluentValidation.Results;

namespace Forecast.Application.Common.Behaviours;

/// <summary>
/// Finds NUL characters (U+0000) anywhere in a request's strings — fields, list items, dictionary keys and values —
/// and names each by its JSON path (<c>rows[3].advertiserId</c>, <c>profile.tier</c>). PostgreSQL text cannot hold
/// NUL: let through, it failed the statement with a 500 after validation had passed.
/// </summary>
internal static class NulCharacters
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static List<ValidationFailure> Find(object message)
    {
        var failures = new List<ValidationFailure>();
        Visit(message, "", failures);
        return failures;
    }

    private static void Visit(object? value, string path, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    failures.Add(new ValidationFailure(path, $"'{path}' must not contain NUL characters (\\u0000)."));
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? "";
                    Visit(key, Join(path, key), failures);
                    Visit(entry.Value, Join(path, key), failures);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{path}[{index++}]", failures);
                }

                return;
        }

        var type = value.GetType();
        if (type.Namespace?.StartsWith("Forecast.", StringComparison.Ordinal) != true || type.IsEnum) return;
        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            Visit(property.GetValue(value), Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name)), failures);
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.CanRead)
            .ToArray();

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
