using FluentValidation;

namespace Forecast.Application.Common;

/// <summary>Rules for the identifiers and attribute maps tenants send, shared by every use case that takes them.</summary>
public static class ReferenceRules
{
    public const int MaxIdLength = 128;

    public static IRuleBuilderOptions<T, string> MustBeExternalId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(MaxIdLength)
            .Must(id => id is null || id.All(character => !char.IsControl(character) && character != '/'))
            .WithMessage("'{PropertyName}' must not contain '/' or control characters.");

    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, string>?> MustBeAttributeMap<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, string>?> rule) =>
        rule.Must(map => map is null || AttributeMapRules.IsValid(map)).WithMessage(AttributeMapRules.Message);
}
