using System.Collections.Concurrent;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving.Champions;

/// <summary>
/// Keeps each tenant's champion of one kind in memory. Every few seconds one request asks the registry which model is
/// champion (a cheap indexed query without the artifact) while the others keep serving the loaded one; a promotion or
/// rollback is picked up within that time on every instance, without restart. One load per tenant at a time, and the
/// replaced model is disposed as soon as the last request using it is done.
/// </summary>
public abstract class ChampionCache<TModel>(IServiceScopeFactory scopes, TimeProvider clock, string kind)
    where TModel : class, IDisposable
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<Guid, (Champion<TModel> Champion, DateTimeOffset CheckedAt)> _loaded = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _checks = new();

    /// <summary>The tenant's champion, to be disposed when the caller is done with it; null when it has none.</summary>
    public async Task<ChampionLease<TModel>?> GetAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var check = _checks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        while (true)
        {
            var cached = _loaded.GetValueOrDefault(tenantId);
            var fresh = cached.Champion is not null && clock.GetUtcNow() - cached.CheckedAt < RecheckAfter;
            // A stale champion still serves while another request is asking the registry about it.
            if (cached.Champion is not null && (fresh || !await check.WaitAsync(0, cancellationToken)))
            {
                if (cached.Champion.TryUse())
                {
                    return new ChampionLease<TModel>(cached.Champion);
                }

                continue; // replaced and released meanwhile: read the cache again
            }

            if (cached.Champion is null)
            {
                await check.WaitAsync(cancellationToken);
            }

            try
            {
                var current = await RecheckAsync(tenantId, cancellationToken);
                if (current is null)
                {
                    return null;
                }

                if (current.TryUse())
                {
                    return new ChampionLease<TModel>(current);
                }
            }
            finally
            {
                check.Release();
            }
        }
    }

    protected abstract TModel Load(byte[] artifact);

    private async Task<Champion<TModel>?> RecheckAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var cached = _loaded.GetValueOrDefault(tenantId);
        if (cached.Champion is not null && clock.GetUtcNow() - cached.CheckedAt < RecheckAfter)
        {
            return cached.Champion; // another request rechecked while this one waited
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
        var current = await Champions(db, tenantId).Select(model => new { model.Id, model.Version, model.Architecture }).SingleOrDefaultAsync(cancellationToken);
        if (current is not null && cached.Champion?.ModelId == current.Id)
        {
            _loaded[tenantId] = (cached.Champion, clock.GetUtcNow());
            return cached.Champion;
        }

        Champion<TModel>? loaded = null;
        if (current is not null)
        {
            var artifact = await Champions(db, tenantId).Where(model => model.Id == current.Id).Select(model => model.Artifact).SingleAsync(cancellationToken);
            try
            {
                loaded = new Champion<TModel>(current.Id, current.Version, current.Architecture, Load(artifact!));
            }
            catch (InvalidDataException)
            {
                // A champion saved by an older release in a format this one cannot read serves nothing: until the next
                // training replaces it the tenant is answered as one without a champion (409, how to train), not a 500.
            }
        }

        if (loaded is null)
        {
            _loaded.TryRemove(tenantId, out _);
        }
        else
        {
            _loaded[tenantId] = (loaded, clock.GetUtcNow());
        }

        cached.Champion?.Release();
        return loaded;
    }

    private IQueryable<RegisteredModel> Champions(IForecastDbContext db, Guid tenantId) =>
        db.Models.AsNoTracking().Where(model => model.TenantId == tenantId && model.Kind == kind && model.Status == ModelStatus.Champion);
}
