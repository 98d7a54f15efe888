using FluentValidation;
using Forecast.Application.Audit;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Audit;
using Forecast.Domain.Tenants;
using Mediator;

namespace Forecast.Application.Tenants.IssueApiKey;

/// <summary>Issues another API key for a tenant (for rotation: issue the new key, deploy it, revoke the old one).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Label">What the key is for, e.g. "dashboard-prod".</param>
/// <param name="ExpiresAt">When the key stops working by itself; none: until revoked.</param>
public sealed record IssueApiKey(Guid TenantId, string Label, DateTimeOffset? ExpiresAt = null) : ICommand<IssuedApiKey>;

/// <summary>A new API key; the key is shown only here.</summary>
/// <param name="Id">Key id, to revoke it later.</param>
/// <param name="TenantId">The tenant that owns the key.</param>
/// <param name="Label">What the key is for.</param>
/// <param name="ApiKey">The key in clear: store it now, it cannot be read again.</param>
/// <param name="ExpiresAt">When it stops working by itself, if ever.</param>
public sealed record IssuedApiKey(Guid Id, Guid TenantId, string Label, string ApiKey, DateTimeOffset? ExpiresAt);

public sealed class IssueApiKeyValidator : AbstractValidator<IssueApiKey>
{
    public IssueApiKeyValidator(TimeProvider clock)
    {
        RuleFor(command => command.Label).NotEmpty().MaximumLength(100);
        RuleFor(command => command.ExpiresAt)
            .Must(expiresAt => expiresAt is null || expiresAt > clock.GetUtcNow()).WithMessage("Must be in the future.")
            .Must(expiresAt => expiresAt is null || expiresAt < clock.GetUtcNow().AddYears(5)).WithMessage("Must be within 5 years.");
    }
}

public sealed class IssueApiKeyHandler(IForecastDbContext db, TimeProvider clock) : ICommandHandler<IssueApiKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(IssueApiKey command, CancellationToken cancellationToken)
    {
        await db.EnsureTenantExistsAsync(command.TenantId, cancellationToken);
        var now = clock.GetUtcNow();
        var (key, plainKey) = ApiKey.Issue(command.TenantId, command.Label, now, command.ExpiresAt);
        db.ApiKeys.Add(key);
        db.AuditEvents.Add(AuditEvent.Of(now, AuditActions.Admin, AuditActions.ApiKeyIssued, key.TenantId,
            $"key {key.Id} ({key.Label}, {key.Hint}…{(key.ExpiresAt is { } expires ? $", expires {expires:O}" : "")})"));
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key.Id, key.TenantId, key.Label, plainKey, key.ExpiresAt);
    }
}
