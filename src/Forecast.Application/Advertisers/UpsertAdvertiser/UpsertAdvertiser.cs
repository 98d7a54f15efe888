using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Advertisers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Advertisers.UpsertAdvertiser;

/// <summary>Creates the advertiser or replaces its name and profile; replaying the same request changes nothing.</summary>
public sealed record UpsertAdvertiser(
    Guid TenantId,
    string ExternalId,
    string? Name,
    IReadOnlyDictionary<string, string>? Profile) : ICommand<Upserted<AdvertiserDto>>;

public sealed class UpsertAdvertiserValidator : AbstractValidator<UpsertAdvertiser>
{
    public UpsertAdvertiserValidator()
    {
        RuleFor(command => command.ExternalId).MustBeExternalId().OverridePropertyName("id");
        RuleFor(command => command.Name).MaximumLength(200);
        RuleFor(command => command.Profile).MustBeAttributeMap().OverridePropertyName("profile");
    }
}

public sealed class UpsertAdvertiserHandler(IForecastDbContext db, TimeProvider clock)
    : ICommandHandler<UpsertAdvertiser, Upserted<AdvertiserDto>>
{
    public async ValueTask<Upserted<AdvertiserDto>> Handle(UpsertAdvertiser command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var advertiser = await db.Advertisers.SingleOrDefaultAsync(
            existing => existing.TenantId == command.TenantId && existing.ExternalId == command.ExternalId,
            cancellationToken);
        var created = advertiser is null;
        if (advertiser is null)
        {
            advertiser = Advertiser.Create(command.TenantId, command.ExternalId, now);
            db.Advertisers.Add(advertiser);
        }

        var changed = advertiser.Describe(
            command.Name ?? advertiser.Name, command.Profile ?? new Dictionary<string, string>(), now);
        if (created || changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Upserted<AdvertiserDto>(AdvertiserDto.From(advertiser), created);
    }
}
