using System.Collections.Concurrent;
using Forecast.Application.Common.Persistence;
using Forecast.Domain.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Serving.Champions;

/// <summary>A tenant's champion of a kind, loaded once and kept in memory.</summary>
public sealed record Champion<TModel>(Guid ModelId, int Version, string Architecture, TModel Model);

/// <summary>
/// Keeps each tenant's champion of one kind in memory. Every few seconds a request asks the registry which model is
/// champion (a cheap indexed query without the artifact); a promotion or rollback is picked up within that time on every
/// instance, without restart. The replaced model is left to the garbage collector: requests may still be using it.
/// </summary>
public abstract class ChampionCache<TModel>(IServiceScopeFactory scopes, TimeProvider clock, string kind)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<Guid, (Champion<TModel> Champion, DateTimeOffset CheckedAt)> _loaded = new();

    public async Task<Champion<TModel>?> GetAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_loaded.TryGetValue(tenantId, out var cached) && now - cached.CheckedAt < RecheckAfter)
        {
            return cached.Champion;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IForecastDbContext>();
        var current = await Champions(db, tenantId).Select(model => new { model.Id, model.Version, model.Architecture }).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            _loaded.TryRemove(tenantId, out _);
            return null;
        }

        if (cached.Champion?.ModelId == current.Id)
        {
            _loaded[tenantId] = (cached.Champion, now);
            return cached.Champion;
        }

        var artifact = await Champions(db, tenantId).Where(model => model.Id == current.Id).Select(model => model.Artifact).SingleAsync(cancellationToken);
        TModel loaded;
        try
        {
            loaded = Load(artifact!);
        }
        catch (InvalidDataException)
        {
            // A champion saved by an older release in a format this one cannot read serves nothing: until the next
            // training replaces it the tenant is answered as one without a champion (409, how to train), not a 500.
            return null;
        }

        var champion = new Champion<TModel>(current.Id, current.Version, current.Architecture, loaded);
        _loaded[tenantId] = (champion, now);
        return champion;
    }

    protected abstract TModel Load(byte[] artifact);

    private IQueryable<RegisteredModel> Champions(IForecastDbContext db, Guid tenantId) =>
        db.Models.AsNoTracking().Where(model => model.TenantId == tenantId && model.Kind == kind && model.Status == ModelStatus.Champion);
}
