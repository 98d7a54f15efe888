using Forecast.Application.Audit;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry.PromoteModel;

/// <summary>Makes a candidate (or a retired model) the champion by hand, skipping the automatic gate.</summary>
public sealed record PromoteModel(Guid TenantId, Guid ModelId) : ICommand<ModelDto>;

public sealed class PromoteModelHandler(IForecastDbContext db, IWebhookPublisher webhooks, TimeProvider clock) : ICommandHandler<PromoteModel, ModelDto>
{
    public async ValueTask<ModelDto> Handle(PromoteModel command, CancellationToken cancellationToken)
    {
        var model = await db.Models.SingleOrDefaultAsync(
            candidate => candidate.TenantId == command.TenantId && candidate.Id == command.ModelId, cancellationToken)
            ?? throw Refusal.NotFound("Model", command.ModelId.ToString());
        await ChampionPromotion.PromoteAsync(db, webhooks, model, clock.GetUtcNow(), AuditActions.Tenant, AuditActions.ModelPromoted, cancellationToken);
        return ModelDto.From(model);
    }
}
