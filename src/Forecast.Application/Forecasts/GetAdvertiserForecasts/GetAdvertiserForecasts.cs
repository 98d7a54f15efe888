using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Common.Refusals;
using Mediator;

namespace Forecast.Application.Forecasts.GetAdvertiserForecasts;

/// <summary>
/// The champion model's forecast of one advertiser, in all its scenarios or one; with <c>AsOf</c>, the forecast that was
/// issued as of that past day (kept as a snapshot by the scoring run of that day).
/// </summary>
public sealed record GetAdvertiserForecasts(Guid TenantId, string AdvertiserId, int Horizon, string? Scenario, DateOnly? AsOf = null) : IQuery<AdvertiserForecastDto>;

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

public sealed class GetAdvertiserForecastsHandler(IReferenceReader references, IAdvertiserForecaster forecaster, IForecastStore store)
    : IQueryHandler<GetAdvertiserForecasts, AdvertiserForecastDto>
{
    /// <summary>
    /// Forecasts first: a forecast with scenarios proves the advertiser (and scenario) exist, so the common request
    /// costs no extra lookup; an empty answer or no champion is checked for a 404 first.
    /// </summary>
    public async ValueTask<AdvertiserForecastDto> Handle(GetAdvertiserForecasts query, CancellationToken cancellationToken)
    {
        if (query.AsOf is { } asOf)
        {
            return await IssuedAsync(query, asOf, cancellationToken);
        }

        var forecast = (await forecaster.ForecastAsync(query.TenantId, [query.AdvertiserId], query.Scenario, cancellationToken))?.Single();
        if (forecast is { Scenarios.Count: > 0 })
        {
            return forecast;
        }

        await EnsureExistsAsync(query, cancellationToken);
        return forecast ?? throw NoForecastModel.Refusal();
    }

    private async Task<AdvertiserForecastDto> IssuedAsync(GetAdvertiserForecasts query, DateOnly asOf, CancellationToken cancellationToken)
    {
        var issued = await store.ReadSnapshotAsync(query.TenantId, query.AdvertiserId, asOf, query.Scenario, cancellationToken);
        if (issued.Count == 0)
        {
            await EnsureExistsAsync(query, cancellationToken);
            throw new Refusal(RefusalKind.NotFound, "No forecast issued that day",
                $"No forecast of advertiser '{query.AdvertiserId}' was issued as of {asOf:yyyy-MM-dd}: forecasts are kept from the day a model "
                + "scored the tenant's data of that day, for the retention period (Forecast:Accuracy:SnapshotRetentionDays).",
                new Dictionary<string, string[]> { ["asOf"] = [$"No forecast was issued as of {asOf:yyyy-MM-dd}."] });
        }

        var first = issued[0];
        return new AdvertiserForecastDto(
            query.AdvertiserId, first.AsOf, first.HorizonDays, first.ModelId, first.ModelVersion,
            issued.Select(row => row.Forecast).ToList(), new Dictionary<string, string>(), AdvertiserForecastDto.Issued);
    }

    private Task EnsureExistsAsync(GetAdvertiserForecasts query, CancellationToken cancellationToken) =>
        references.EnsureExistAsync(query.TenantId, query.AdvertiserId, query.Scenario, cancellationToken);
}
