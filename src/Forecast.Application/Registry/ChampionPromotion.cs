using Forecast.Application.Common.Persistence;
using Forecast.Application.Webhooks;
using Forecast.Domain.Audit;
using Forecast.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry;

/// <summary>
/// Makes a model the champion of its tenant and kind, retiring the current one, in one transaction. The retirement is
/// saved first so the one-champion index never sees two; a concurrent promotion fails on that index instead of
/// leaving two champions or none. The promotion is written to the audit trail in the same transaction, and announced
/// to the tenant's webhooks (champion.promoted) once committed.
/// </summary>
public static class ChampionPromotion
{
    public static async Task PromoteAsync(
        IForecastDbContext db, IWebhookPublisher webhooks, RegisteredModel model, DateTimeOffset now, string actor, string action, CancellationToken cancellationToken)
    {
        Guid? previous = null;
        var promoted = false;
        await db.InTransactionAsync(async token =>
        {
            var current = await db.Models.SingleOrDefaultAsync(
                candidate => candidate.TenantId == model.TenantId && candidate.Kind == model.Kind && candidate.Status == ModelStatus.Champion,
                token);
            if (current?.Id == model.Id)
            {
                return;
            }

            if (current is not null)
            {
                current.Retire();
                await db.SaveChangesAsync(token);
            }

            model.Promote(now);
            db.AuditEvents.Add(AuditEvent.Of(now, actor, action, model.TenantId, $"{model.Kind} v{model.Version} {model.Architecture} ({model.Id})"));
            await db.SaveChangesAsync(token);
            (previous, promoted) = (current?.Id, true);
        }, cancellationToken);
        if (promoted)
        {
            await webhooks.PublishAsync(model.TenantId, WebhookEvents.ChampionPromoted, new
            {
                kind = model.Kind,
                modelId = model.Id,
                version = model.Version,
                architecture = model.Architecture,
                previousChampionId = previous,
                by = actor,
                how = action,
            }, cancellationToken);
        }
    }
}
