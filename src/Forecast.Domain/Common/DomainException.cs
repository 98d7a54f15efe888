namespace Forecast.Domain.Common;

/// <summary>A change a domain rule forbids (a retired model promoted, a failed one completed): the API answers 409.</summary>
public sealed class DomainException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;

    public static DomainException Conflict(string title, string detail) => new(title, detail);
}
