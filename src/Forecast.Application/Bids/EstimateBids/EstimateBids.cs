using FluentValidation;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

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

public sealed class EstimateBidsHandler(IForecastDbContext db, BidEstimator estimator) : IQueryHandler<EstimateBids, IReadOnlyList<BidEstimateDto>>
{
    public async ValueTask<IReadOnlyList<BidEstimateDto>> Handle(EstimateBids query, CancellationToken cancellationToken)
    {
        var advertiserIds = query.Items.Select(item => item.AdvertiserId).Distinct(StringComparer.Ordinal).ToList();
        var scenarioKeys = query.Items.Select(item => item.Scenario).Distinct(StringComparer.Ordinal).ToList();
        var advertisers = (await db.Advertisers.AsNoTracking()
            .Where(advertiser => advertiser.TenantId == query.TenantId && advertiserIds.Contains(advertiser.ExternalId))
            .Select(advertiser => advertiser.ExternalId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var scenarios = (await db.Scenarios.AsNoTracking()
            .Where(scenario => scenario.TenantId == query.TenantId && scenarioKeys.Contains(scenario.Key))
            .Select(scenario => scenario.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

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
            throw DomainException.UnknownReferences("Some items name advertisers or scenarios that do not exist; nothing was estimated.", unknown);
        }

        return await estimator.EstimateAsync(query.TenantId, query.Items, (index, field) => $"items[{index}].{field}", cancellationToken);
    }
}
