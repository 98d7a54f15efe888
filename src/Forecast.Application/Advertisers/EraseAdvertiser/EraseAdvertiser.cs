using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Forecasts;
using Mediator;

namespace Forecast.Application.Advertisers.EraseAdvertiser;

/// <summary>
/// Erases an advertiser: its profile, every row that names it, its stored and issued forecasts. Idempotent: erasing
/// an advertiser that is not there (any more) erases nothing and answers the same way.
/// </summary>
public sealed record EraseAdvertiser(Guid TenantId, string AdvertiserId) : ICommand<ErasedAdvertiser>;

public sealed class EraseAdvertiserValidator : AbstractValidator<EraseAdvertiser>
{
    public EraseAdvertiserValidator() =>
        RuleFor(command => command.AdvertiserId).NotEmpty().MaximumLength(ReferenceRules.MaxIdLength).OverridePropertyName("id");
}

public sealed class EraseAdvertiserHandler(IAdvertiserDataEraser eraser, IForecastRefresher forecasts) : ICommandHandler<EraseAdvertiser, ErasedAdvertiser>
{
    public async ValueTask<ErasedAdvertiser> Handle(EraseAdvertiser command, CancellationToken cancellationToken)
    {
        var erased = await eraser.EraseAsync(command.TenantId, command.AdvertiserId, Audit.AuditActions.Tenant, cancellationToken);
        if (erased is null)
        {
            return new ErasedAdvertiser(command.AdvertiserId, 0, 0, 0, 0, 0, 0);
        }

        forecasts.Refresh(command.TenantId);
        return erased;
    }
}
