using FluentValidation;
using Forecast.Application.Audit;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Webhooks;
using Forecast.Domain.Registry;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry.RollbackModel;

/// <summary>Gives the champion title back to the previous champion of the kind.</summary>
public sealed record RollbackModel(Guid TenantId, string Kind) : ICommand<ModelDto>;

public sealed class RollbackModelValidator : AbstractValidator<RollbackModel>
{
    public RollbackModelValidator()
    {
        RuleFor(command => command.Kind).Must(ModelKinds.Trainable.Contains)
            .WithMessage($"Kinds: {string.Join(", ", ModelKinds.Trainable)}.").OverridePropertyName("kind");
    }
}

public sealed class RollbackModelHandler(IForecastDbContext db, IWebhookPublisher webhooks, TimeProvider clock) : ICommandHandler<RollbackModel, ModelDto>
{
    public async ValueTask<ModelDto> Handle(RollbackModel command, CancellationToken cancellationToken)
    {
        var previous = await db.Models
            .Where(model => model.TenantId == command.TenantId && model.Kind == command.Kind
                && model.Status == ModelStatus.Retired && model.PromotedAt != null)
            .OrderByDescending(model => model.PromotedAt)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw Refusal.Conflict("Nothing to roll back to", $"No earlier {command.Kind} champion exists for this tenant.");
        await ChampionPromotion.PromoteAsync(db, webhooks, previous, clock.GetUtcNow(), AuditActions.Tenant, AuditActions.ModelRolledBack, cancellationToken);
        return ModelDto.From(previous);
    }
}
