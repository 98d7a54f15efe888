using FluentValidation;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Security;
using Forecast.Application.Registry;
using Forecast.Domain.Tenants;
using Mediator;

namespace Forecast.Application.Tenants.ProvisionTenant;

/// <summary>
/// Makes sure a tenant that answers to a given API key exists: the embedded demo keeps the same key across restarts
/// (the key is configured, only its hash is stored). Provisioning twice finds the first tenant.
/// </summary>
public sealed record ProvisionTenant(string Name, string PlainKey) : ICommand<ProvisionedTenant>;

/// <param name="TenantId">The tenant that answers to the key.</param>
/// <param name="Created">Whether this call created it.</param>
public sealed record ProvisionedTenant(Guid TenantId, bool Created);

public sealed class ProvisionTenantValidator : AbstractValidator<ProvisionTenant>
{
    public ProvisionTenantValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(200);
        RuleFor(command => command.PlainKey).NotEmpty().MinimumLength(32)
            .WithMessage("The key must have at least 32 characters so it cannot be guessed.");
    }
}

public sealed class ProvisionTenantHandler(IForecastDbContext db, IApiKeyResolver keys, ITrainingScheduler training, TimeProvider clock)
    : ICommandHandler<ProvisionTenant, ProvisionedTenant>
{
    public async ValueTask<ProvisionedTenant> Handle(ProvisionTenant command, CancellationToken cancellationToken)
    {
        if (await keys.ResolveTenantAsync(command.PlainKey, cancellationToken) is { } existing)
        {
            return new ProvisionedTenant(existing, false);
        }

        var now = clock.GetUtcNow();
        var tenant = Tenant.Create(command.Name, now);
        db.Tenants.Add(tenant);
        db.ApiKeys.Add(ApiKey.Register(tenant.Id, "provisioned", command.PlainKey, now));
        await db.SaveChangesAsync(cancellationToken);
        training.ScheduleRetraining(tenant.Id, tenant.Retraining);
        return new ProvisionedTenant(tenant.Id, true);
    }
}
