using System.Text.Json;
using Forecast.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence;

/// <summary>Stores a string attribute map as a jsonb object.</summary>
internal static class AttributeMapConversion
{
    public static PropertyBuilder<Dictionary<string, string>> HasJsonbAttributeMap(
        this PropertyBuilder<Dictionary<string, string>> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                map => JsonSerializer.Serialize(map, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<Dictionary<string, string>>(
                    (left, right) => left != null && right != null && left.SameAs(right),
                    map => map.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
                    map => new Dictionary<string, string>(map)))
            .IsRequired();
}
