using FluentValidation;

namespace Forecast.Application.Common.Paging;

/// <summary>The rules every paged list request shares.</summary>
public static class PageRequestValidation
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, string?> cursor, Func<T, int> limit)
    {
        validator.RuleFor(request => limit(request))
            .InclusiveBetween(1, KeysetCursor.MaxLimit)
            .OverridePropertyName("limit");
        validator.RuleFor(request => cursor(request))
            .Must(value => KeysetCursor.TryDecode(value, out _))
            .WithMessage("'cursor' is not a cursor returned by this list.")
            .OverridePropertyName("cursor");
    }
}
