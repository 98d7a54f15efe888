using FluentValidation;
using Forecast.Application.Common;

namespace Forecast.Application.Bids;

/// <summary>What the advertiser wants to pay for.</summary>
/// <param name="Type">cpc (per click), cpa (per conversion) or ecpm (per thousand impressions). <example>cpc</example></param>
/// <param name="Target">The price the advertiser is willing to pay per unit of the goal, in the tenant's currency. <example>0.80</example></param>
public sealed record BidGoal(string Type, decimal Target);

/// <summary>One ad opportunity to price.</summary>
/// <param name="AdvertiserId">The tenant's advertiser id. <example>934</example></param>
/// <param name="Scenario">Scenario key. <example>app</example></param>
/// <param name="Goal">The goal and its target price.</param>
/// <param name="At">When the ad would show (sets weekday and slot); now when omitted. <example>2019-03-28T16:00:00Z</example></param>
/// <param name="Context">Context fields the CTR model was trained on (creative, device...); unknown values are fine. <example>{"creative":"banner-320x50"}</example></param>
public sealed record BidRequest(string AdvertiserId, string Scenario, BidGoal Goal, DateTimeOffset? At = null, IReadOnlyDictionary<string, string>? Context = null);

public sealed class BidRequestValidator : AbstractValidator<BidRequest>
{
    public const decimal MaxTarget = 1_000_000m;

    public BidRequestValidator()
    {
        RuleFor(request => request.AdvertiserId).MustBeExternalId();
        RuleFor(request => request.Scenario).MustBeExternalId();
        RuleFor(request => request.Goal).NotNull();
        RuleFor(request => request.Goal.Type).Must(BidGoals.Types.Contains)
            .WithMessage($"'type' must be one of: {string.Join(", ", BidGoals.Types)}.")
            .When(request => request.Goal is not null);
        RuleFor(request => request.Goal.Target).GreaterThan(0).LessThanOrEqualTo(MaxTarget)
            .When(request => request.Goal is not null);
        RuleFor(request => request.Context).MustBeAttributeMap();
    }
}
