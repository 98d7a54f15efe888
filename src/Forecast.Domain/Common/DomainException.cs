namespace Forecast.Domain.Common;

/// <summary>
/// The one exception type for a request the service refuses; the API maps each <see cref="ProblemKind"/> to one HTTP
/// status and the <see cref="Errors"/> to the ProblemDetails field list.
/// </summary>
public sealed class DomainException(
    ProblemKind kind,
    string title,
    string detail,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static DomainException NotFound(string what, string id) =>
        new(ProblemKind.NotFound, $"{what} not found", $"No {what.ToLowerInvariant()} '{id}' exists for this tenant.");

    public static DomainException Invalid(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.Invalid, "The request is invalid", detail, errors);

    public static DomainException UnknownReferences(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.UnknownReference, "The batch refers to objects that do not exist", detail, errors);

    public static DomainException TooLarge(string detail) =>
        new(ProblemKind.TooLarge, "The batch is too large", detail);

    public static DomainException UnsupportedMediaType(string detail) =>
        new(ProblemKind.UnsupportedMediaType, "Unsupported content type", detail);

    public static DomainException Conflict(string title, string detail) => new(ProblemKind.Conflict, title, detail);
}
