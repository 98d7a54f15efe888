using FluentValidation;
using Forecast.Application.Common.Paging;
using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Advertisers.ListAdvertisers;

/// <summary>The tenant's advertisers in id order, one page at a time.</summary>
public sealed record ListAdvertisers(Guid TenantId, string? Cursor, int Limit) : IQuery<Page<AdvertiserDto>>;

public sealed class ListAdvertisersValidator : AbstractValidator<ListAdvertisers>
{
    public ListAdvertisersValidator() => this.AddPagingRules(query => query.Cursor, query => query.Limit);
}

public sealed class ListAdvertisersHandler(IForecastDbContext db) : IQueryHandler<ListAdvertisers, Page<AdvertiserDto>>
{
    public async ValueTask<Page<AdvertiserDto>> Handle(ListAdvertisers query, CancellationToken cancellationToken)
    {
        KeysetCursor.TryDecode(query.Cursor, out var after);
        var advertisers = db.Advertisers.AsNoTracking().Where(advertiser => advertiser.TenantId == query.TenantId);
        if (after is not null)
        {
            advertisers = advertisers.Where(advertiser => string.Compare(advertiser.ExternalId, after) > 0);
        }

        var rows = await advertisers
            .OrderBy(advertiser => advertiser.ExternalId)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);
        return KeysetCursor.ToPage(rows.Select(AdvertiserDto.From).ToList(), query.Limit, advertiser => advertiser.Id);
    }
}
