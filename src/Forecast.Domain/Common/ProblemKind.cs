namespace Forecast.Domain.Common;

/// <summary>Why a request was refused; each kind has one HTTP status.</summary>
public enum ProblemKind
{
    Invalid,
    NotFound,
    Conflict,
    UnknownReference,
    TooLarge,
    UnsupportedMediaType,
}
