using Npgsql;
using NpgsqlTypes;

namespace Forecast.Infrastructure.Ingestion;

internal static class BinaryImporterExtensions
{
    public static Task WriteNullableAsync<T>(
        this NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    public static Task WriteNullableAsync(
        this NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is not null ? importer.WriteAsync(value, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
