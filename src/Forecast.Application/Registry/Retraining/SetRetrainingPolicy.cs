using Cronos;
using FluentValidation;
using Forecast.Application.Audit;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Audit;
using Forecast.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Registry.Retraining;

/// <summary>Replaces the tenant's retraining policy and its schedule.</summary>
public sealed record SetRetrainingPolicy(Guid TenantId, string Mode, int? EveryDays, string? Cron) : ICommand<RetrainingPolicyDto>;

public sealed class SetRetrainingPolicyValidator : AbstractValidator<SetRetrainingPolicy>
{
    public SetRetrainingPolicyValidator()
    {
        RuleFor(command => command.Mode).Must(RetrainingPolicyDto.Modes.ContainsKey)
            .WithMessage($"'mode' must be one of: {string.Join(", ", RetrainingPolicyDto.Modes.Keys)}.");
        RuleFor(command => command.EveryDays).InclusiveBetween(1, RetrainingPolicy.MaxEveryDays).When(command => command.EveryDays is not null);
        RuleFor(command => command.Cron)
            .NotEmpty().WithMessage("'cron' is required when the mode is schedule.")
            .Must(cron => CronExpression.TryParse(cron ?? "", CronFormat.Standard, out _)).WithMessage("'cron' must be a five-field cron expression (UTC), such as '0 2 * * *'.")
            .When(command => command.Mode == "schedule");
    }
}

public sealed class SetRetrainingPolicyHandler(IForecastDbContext db, ITrainingScheduler scheduler, TimeProvider clock)
    : ICommandHandler<SetRetrainingPolicy, RetrainingPolicyDto>
{
    public async ValueTask<RetrainingPolicyDto> Handle(SetRetrainingPolicy command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(candidate => candidate.Id == command.TenantId, cancellationToken);
        var policy = new RetrainingPolicy(RetrainingPolicyDto.Modes[command.Mode], command.EveryDays ?? RetrainingPolicy.Default.EveryDays, command.Cron);
        tenant.Retrain(policy);
        var saved = RetrainingPolicyDto.From(tenant.Retraining);
        db.AuditEvents.Add(AuditEvent.Of(clock.GetUtcNow(), AuditActions.Tenant, AuditActions.RetrainingPolicySet, tenant.Id,
            $"{saved.Mode}, every {saved.EveryDays} day(s){(saved.Cron is null ? "" : $", cron {saved.Cron}")}"));
        await db.SaveChangesAsync(cancellationToken);
        scheduler.ScheduleRetraining(tenant.Id, tenant.Retraining);
        return saved;
    }
}
