using FluentValidation;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Webhooks.ListWebhookDeliveries;

/// <summary>A subscription's delivery log, newest first: each event, its attempts and their outcome.</summary>
public sealed record ListWebhookDeliveries(Guid TenantId, Guid WebhookId, int Limit) : IQuery<IReadOnlyList<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveries>
{
    public const int MaxLimit = 500;

    public ListWebhookDeliveriesValidator() => RuleFor(query => query.Limit).InclusiveBetween(1, MaxLimit).OverridePropertyName("limit");
}

public sealed class ListWebhookDeliveriesHandler(IForecastDbContext db) : IQueryHandler<ListWebhookDeliveries, IReadOnlyList<WebhookDeliveryDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveries query, CancellationToken cancellationToken)
    {
        if (!await db.Webhooks.AnyAsync(webhook => webhook.TenantId == query.TenantId && webhook.Id == query.WebhookId, cancellationToken))
        {
            throw Refusal.NotFound("Webhook", query.WebhookId.ToString());
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Where(delivery => delivery.TenantId == query.TenantId && delivery.WebhookId == query.WebhookId)
            .OrderByDescending(delivery => delivery.CreatedAt).ThenByDescending(delivery => delivery.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return deliveries.Select(WebhookDeliveryDto.From).ToList();
    }
}
