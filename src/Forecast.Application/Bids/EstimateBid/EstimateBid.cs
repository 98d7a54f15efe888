using FluentValidation;
using Forecast.Application.Common;
using Mediator;

namespace Forecast.Application.Bids.EstimateBid;

/// <summary>Prices one ad opportunity: pCTR, the goal's bid and the landscape.</summary>
public sealed record EstimateBid(Guid TenantId, BidRequest Request) : IQuery<BidEstimateDto>;

public sealed class EstimateBidValidator : AbstractValidator<EstimateBid>
{
    private static readonly BidRequestValidator RequestRules = new();

    /// <summary>The request's rules with its own field names ("goal.target"): the request is the whole body.</summary>
    public EstimateBidValidator()
    {
        RuleFor(query => query.Request).Custom((request, context) =>
        {
            foreach (var failure in RequestRules.Validate(request).Errors)
            {
                context.AddFailure(failure);
            }
        });
    }
}

public sealed class EstimateBidHandler(IReferenceReader references, BidEstimator estimator) : IQueryHandler<EstimateBid, BidEstimateDto>
{
    public async ValueTask<BidEstimateDto> Handle(EstimateBid query, CancellationToken cancellationToken)
    {
        var request = query.Request;
        await references.EnsureExistAsync(query.TenantId, request.AdvertiserId, request.Scenario, cancellationToken);

        return (await estimator.EstimateAsync(query.TenantId, [request], (_, field) => field, cancellationToken))[0];
    }
}
