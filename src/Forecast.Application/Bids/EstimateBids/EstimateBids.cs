using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Common.Refusals;
using Mediator;

namespace Forecast.Application.Bids.EstimateBids;

/// <summary>Prices up to 1,000 ad opportunities at once.</summary>
public sealed record EstimateBids(Guid TenantId, IReadOnlyList<BidRequest> Items) : IQuery<IReadOnlyList<BidEstimateDto>>;

public sealed class EstimateBidsValidator : AbstractValidator<EstimateBids>
{
    public const int MaxItems = 1000;

    public EstimateBidsValidator()
    {
        RuleFor(query => query.Items).NotEmpty()
            .Must(items => items.Count <= MaxItems).WithMessage($"At most {MaxItems} items per request.");
        RuleForEach(query => query.Items).NotNull().SetValidator(new BidRequestValidator());
    }
}

public sealed class EstimateBidsHandler(IReferenceReader references, BidEstimator estimator) : IQueryHandler<EstimateBids, IReadOnlyList<BidEstimateDto>>
{
    public async ValueTask<IReadOnlyList<BidEstimateDto>> Handle(EstimateBids query, CancellationToken cancellationToken)
    {
        var (advertisers, scenarios) = await references.ExistingAsync(
            query.TenantId,
            query.Items.Select(item => item.AdvertiserId).Distinct(StringComparer.Ordinal).ToList(),
            query.Items.Select(item => item.Scenario).Distinct(StringComparer.Ordinal).ToList(),
            cancellationToken);

        var unknown = new Dictionary<string, string[]>();
        for (var index = 0; index < query.Items.Count; index++)
        {
            var item = query.Items[index];
            if (!advertisers.Contains(item.AdvertiserId))
            {
                unknown[$"items[{index}].advertiserId"] = [$"No advertiser '{item.AdvertiserId}' exists for this tenant."];
            }

            if (!scenarios.Contains(item.Scenario))
            {
                unknown[$"items[{index}].scenario"] = [$"No scenario '{item.Scenario}' exists for this tenant."];
            }
        }

        if (unknown.Count > 0)
        {
            throw Refusal.UnknownReferences("Some items name advertisers or scenarios that do not exist; nothing was estimated.", unknown);
        }

        return await estimator.EstimateAsync(query.TenantId, query.Items, (index, field) => $"items[{index}].{field}", cancellationToken);
    }
}
