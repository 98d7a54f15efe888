using Forecast.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Webhooks.ListWebhooks;

/// <summary>The tenant's webhook subscriptions, oldest first (without their secrets).</summary>
public sealed record ListWebhooks(Guid TenantId) : IQuery<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(IForecastDbContext db) : IQueryHandler<ListWebhooks, IReadOnlyList<WebhookDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDto>> Handle(ListWebhooks query, CancellationToken cancellationToken) =>
        (await db.Webhooks.AsNoTracking().Where(webhook => webhook.TenantId == query.TenantId).OrderBy(webhook => webhook.Id).ToListAsync(cancellationToken))
        .Select(WebhookDto.From).ToList();
}
