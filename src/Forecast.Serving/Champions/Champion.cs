namespace Forecast.Serving.Champions;

/// <summary>
/// A tenant's champion of a kind as loaded in this process. Its model holds native memory (libtorch tensors, LightGBM
/// boosters) that the garbage collector does not see, so it is counted rather than left to a finalizer: the cache
/// holds one use, each request another (<see cref="ChampionLease{TModel}"/>), and the last one released disposes it.
/// </summary>
public sealed class Champion<TModel>(Guid modelId, int version, string architecture, TModel model)
    where TModel : class, IDisposable
{
    private int _uses = 1;

    public Guid ModelId { get; } = modelId;

    public int Version { get; } = version;

    public string Architecture { get; } = architecture;

    public TModel Model { get; } = model;

    /// <summary>A further use, unless the model was already released by everyone (replaced and idle).</summary>
    internal bool TryUse()
    {
        var uses = Volatile.Read(ref _uses);
        while (uses > 0)
        {
            var seen = Interlocked.CompareExchange(ref _uses, uses + 1, uses);
            if (seen == uses)
            {
                return true;
            }

            uses = seen;
        }

        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _uses) == 0)
        {
            Model.Dispose();
        }
    }
}
