using FluentValidation;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Forecasts.GetAdvertiserForecasts;

/// <summary>The champion model's forecast of one advertiser, in all its scenarios or one.</summary>
public sealed record GetAdvertiserForecasts(Guid TenantId, string AdvertiserId, int Horizon, string? Scenario) : IQuery<AdvertiserForecastDto>;

public sealed class GetAdvertiserForecastsValidator : AbstractValidator<GetAdvertiserForecasts>
{
    public const int SupportedHorizon = 7;

    public GetAdvertiserForecastsValidator()
    {
        RuleFor(query => query.Horizon).Equal(SupportedHorizon)
            .WithMessage($"Models are trained for a {SupportedHorizon}-day horizon; ask for horizon={SupportedHorizon}.")
            .OverridePropertyName("horizon");
    }
}

public sealed class GetAdvertiserForecastsHandler(IForecastDbContext db, IAdvertiserForecaster forecaster)
    : IQueryHandler<GetAdvertiserForecasts, AdvertiserForecastDto>
{
    public async ValueTask<AdvertiserForecastDto> Handle(GetAdvertiserForecasts query, CancellationToken cancellationToken)
    {
        if (!await db.Advertisers.AnyAsync(advertiser => advertiser.TenantId == query.TenantId && advertiser.ExternalId == query.AdvertiserId, cancellationToken))
        {
            throw DomainException.NotFound("Advertiser", query.AdvertiserId);
        }

        if (query.Scenario is not null
            && !await db.Scenarios.AnyAsync(scenario => scenario.TenantId == query.TenantId && scenario.Key == query.Scenario, cancellationToken))
        {
            throw DomainException.NotFound("Scenario", query.Scenario);
        }

        return (await forecaster.ForecastAsync(query.TenantId, [query.AdvertiserId], query.Scenario, cancellationToken)).Single();
    }
}
