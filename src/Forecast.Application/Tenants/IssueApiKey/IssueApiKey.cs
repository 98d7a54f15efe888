using FluentValidation;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Tenants;
using Mediator;

namespace Forecast.Application.Tenants.IssueApiKey;

/// <summary>Issues another API key for a tenant (for rotation: issue the new key, deploy it, revoke the old one).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Label">What the key is for, e.g. "dashboard-prod".</param>
public sealed record IssueApiKey(Guid TenantId, string Label) : ICommand<IssuedApiKey>;

/// <summary>A new API key; the key is shown only here.</summary>
/// <param name="Id">Key id, to revoke it later.</param>
/// <param name="TenantId">The tenant that owns the key.</param>
/// <param name="Label">What the key is for.</param>
/// <param name="ApiKey">The key in clear: store it now, it cannot be read again.</param>
public sealed record IssuedApiKey(Guid Id, Guid TenantId, string Label, string ApiKey);

public sealed class IssueApiKeyValidator : AbstractValidator<IssueApiKey>
{
    public IssueApiKeyValidator()
    {
        RuleFor(command => command.Label).NotEmpty().MaximumLength(100);
    }
}

public sealed class IssueApiKeyHandler(IForecastDbContext db, TimeProvider clock) : ICommandHandler<IssueApiKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(IssueApiKey command, CancellationToken cancellationToken)
    {
        await db.EnsureTenantExistsAsync(command.TenantId, cancellationToken);
        var (key, plainKey) = ApiKey.Issue(command.TenantId, command.Label, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key.Id, key.TenantId, key.Label, plainKey);
    }
}
