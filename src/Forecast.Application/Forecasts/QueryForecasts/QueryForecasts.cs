using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Forecasts.QueryForecasts;

/// <summary>Forecasts of up to 1,000 advertisers at once.</summary>
public sealed record QueryForecasts(Guid TenantId, IReadOnlyList<string> AdvertiserIds, string? Scenario) : IQuery<ForecastQueryResult>;

/// <param name="Forecasts">One forecast per known advertiser, in the order asked.</param>
/// <param name="UnknownAdvertiserIds">Ids this tenant has no advertiser for.</param>
public sealed record ForecastQueryResult(IReadOnlyList<AdvertiserForecastDto> Forecasts, IReadOnlyList<string> UnknownAdvertiserIds);

public sealed class QueryForecastsValidator : AbstractValidator<QueryForecasts>
{
    public const int MaxAdvertisers = 1000;

    public QueryForecastsValidator()
    {
        RuleFor(query => query.AdvertiserIds).NotEmpty()
            .Must(ids => ids.Count <= MaxAdvertisers).WithMessage($"At most {MaxAdvertisers} advertisers per query.")
            .OverridePropertyName("advertiserIds");
        RuleForEach(query => query.AdvertiserIds).MustBeExternalId().OverridePropertyName("advertiserIds");
    }
}

public sealed class QueryForecastsHandler(IForecastDbContext db, IAdvertiserForecaster forecaster) : IQueryHandler<QueryForecasts, ForecastQueryResult>
{
    public async ValueTask<ForecastQueryResult> Handle(QueryForecasts query, CancellationToken cancellationToken)
    {
        var asked = query.AdvertiserIds.Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Advertisers.AsNoTracking()
                .Where(advertiser => advertiser.TenantId == query.TenantId && asked.Contains(advertiser.ExternalId))
                .Select(advertiser => advertiser.ExternalId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var ids = asked.Where(known.Contains).ToList();
        var forecasts = ids.Count == 0 ? [] : await forecaster.ForecastAsync(query.TenantId, ids, query.Scenario, cancellationToken) ?? throw NoForecastModel.Refusal();
        return new ForecastQueryResult(forecasts, asked.Where(id => !known.Contains(id)).ToList());
    }
}
