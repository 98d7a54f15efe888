using FluentValidation;

namespace Forecast.Application.Accuracy;

/// <summary>A query over the forecasts issued from one as-of day to another, both optional.</summary>
public interface IDayRange
{
    DateOnly? From { get; }

    DateOnly? To { get; }
}

public sealed class DayRangeValidator : AbstractValidator<IDayRange>
{
    public DayRangeValidator()
    {
        RuleFor(query => query.To).GreaterThanOrEqualTo(query => query.From)
            .When(query => query.From is not null && query.To is not null)
            .WithMessage("'to' must not be before 'from'.")
            .OverridePropertyName("to");
    }
}
