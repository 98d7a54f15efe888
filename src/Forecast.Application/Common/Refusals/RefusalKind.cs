namespace Forecast.Application.Common.Refusals;

/// <summary>Why a request was refused; the API answers each kind with one HTTP status.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    Conflict,
    UnknownReference,
    TooLarge,
    UnsupportedMediaType,
}
