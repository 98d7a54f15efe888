namespace Forecast.Application.Common.Refusals;

/// <summary>
/// The one exception type for a request the service refuses; the API maps each <see cref="RefusalKind"/> to one HTTP
/// status and the <see cref="Errors"/> to the ProblemDetails field list.
/// </summary>
public sealed class Refusal(
    RefusalKind kind,
    string title,
    string detail,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public RefusalKind Kind { get; } = kind;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static Refusal NotFound(string what, string id) =>
        new(RefusalKind.NotFound, $"{what} not found", $"No {what.ToLowerInvariant()} '{id}' exists for this tenant.");

    public static Refusal Invalid(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(RefusalKind.Invalid, "The request is invalid", detail, errors);

    public static Refusal UnknownReferences(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(RefusalKind.UnknownReference, "The batch refers to objects that do not exist", detail, errors);

    public static Refusal TooLarge(string detail) =>
        new(RefusalKind.TooLarge, "The batch is too large", detail);

    public static Refusal UnsupportedMediaType(string detail) =>
        new(RefusalKind.UnsupportedMediaType, "Unsupported content type", detail);

    public static Refusal Conflict(string title, string detail) => new(RefusalKind.Conflict, title, detail);
}
