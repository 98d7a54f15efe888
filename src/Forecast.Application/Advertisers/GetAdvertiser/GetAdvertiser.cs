using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Advertisers.GetAdvertiser;

/// <summary>One advertiser of the tenant; another tenant's advertiser is reported as not found.</summary>
public sealed record GetAdvertiser(Guid TenantId, string ExternalId) : IQuery<AdvertiserDto>;

public sealed class GetAdvertiserHandler(IForecastDbContext db) : IQueryHandler<GetAdvertiser, AdvertiserDto>
{
    public async ValueTask<AdvertiserDto> Handle(GetAdvertiser query, CancellationToken cancellationToken)
    {
        var advertiser = await db.Advertisers.AsNoTracking().SingleOrDefaultAsync(
            candidate => candidate.TenantId == query.TenantId && candidate.ExternalId == query.ExternalId,
            cancellationToken);
        return advertiser is null
            ? throw Refusal.NotFound("Advertiser", query.ExternalId)
            : AdvertiserDto.From(advertiser);
    }
}
