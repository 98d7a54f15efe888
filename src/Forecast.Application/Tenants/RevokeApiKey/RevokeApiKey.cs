using Forecast.Application.Audit;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Common.Security;
using Forecast.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Tenants.RevokeApiKey;

/// <summary>Revokes an API key: requests with it are refused from now on. Revoking twice is not an error.</summary>
public sealed record RevokeApiKey(Guid TenantId, Guid KeyId) : ICommand;

public sealed class RevokeApiKeyHandler(IForecastDbContext db, IApiKeyResolver resolver, TimeProvider clock)
    : ICommandHandler<RevokeApiKey>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(
            candidate => candidate.TenantId == command.TenantId && candidate.Id == command.KeyId, cancellationToken)
            ?? throw Refusal.NotFound("API key", command.KeyId.ToString());
        key.Revoke(clock.GetUtcNow());
        db.AuditEvents.Add(AuditEvent.Of(clock.GetUtcNow(), AuditActions.Admin, AuditActions.ApiKeyRevoked, key.TenantId, $"key {key.Id} ({key.Label}, {key.Hint}…)"));
        await db.SaveChangesAsync(cancellationToken);
        await resolver.RevokedAsync(command.TenantId, cancellationToken);
        return Unit.Value;
    }
}
