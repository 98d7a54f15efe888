using FluentValidation;
using Forecast.Application.Audit;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Registry;
using Forecast.Domain.Audit;
using Forecast.Domain.Tenants;
using Mediator;

namespace Forecast.Application.Tenants.CreateTenant;

/// <summary>Creates a tenant, issues its first API key and schedules its nightly retraining.</summary>
/// <param name="Name">Display name of the tenant.</param>
public sealed record CreateTenant(string Name) : ICommand<CreatedTenant>;

/// <summary>A new tenant and its first API key; the key is shown only here.</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Name">Display name.</param>
/// <param name="ApiKey">The tenant's first API key, in clear: store it now, it cannot be read again.</param>
/// <param name="ApiKeyId">Id of that key, to revoke it later.</param>
public sealed record CreatedTenant(Guid Id, string Name, string ApiKey, Guid ApiKeyId);

public sealed class CreateTenantValidator : AbstractValidator<CreateTenant>
{
    public CreateTenantValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(200);
    }
}

public sealed class CreateTenantHandler(IForecastDbContext db, ITrainingScheduler training, TimeProvider clock)
    : ICommandHandler<CreateTenant, CreatedTenant>
{
    public async ValueTask<CreatedTenant> Handle(CreateTenant command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenant = Tenant.Create(command.Name, now);
        var (key, plainKey) = ApiKey.Issue(tenant.Id, "initial", now);
        db.Tenants.Add(tenant);
        db.ApiKeys.Add(key);
        db.AuditEvents.Add(AuditEvent.Of(now, AuditActions.Admin, AuditActions.TenantCreated, tenant.Id, $"{tenant.Name}, initial key {key.Id}"));
        await db.SaveChangesAsync(cancellationToken);
        training.ScheduleRetraining(tenant.Id, tenant.Retraining);
        return new CreatedTenant(tenant.Id, tenant.Name, plainKey, key.Id);
    }
}
