using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Webhooks.DeleteWebhook;

/// <summary>Unsubscribes: the subscription and its delivery log go; deliveries still retrying stop.</summary>
public sealed record DeleteWebhook(Guid TenantId, Guid WebhookId) : ICommand;

public sealed class DeleteWebhookHandler(IForecastDbContext db) : ICommandHandler<DeleteWebhook>
{
    public async ValueTask<Unit> Handle(DeleteWebhook command, CancellationToken cancellationToken)
    {
        var deleted = await db.Webhooks.Where(webhook => webhook.TenantId == command.TenantId && webhook.Id == command.WebhookId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? throw Refusal.NotFound("Webhook", command.WebhookId.ToString()) : Unit.Value;
    }
}
