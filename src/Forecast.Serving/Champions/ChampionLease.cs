namespace Forecast.Serving.Champions;

/// <summary>One use of a champion: the model stays loaded until every lease on it is disposed, even once replaced.</summary>
public sealed class ChampionLease<TModel>(Champion<TModel> champion) : IDisposable
    where TModel : class, IDisposable
{
    private int _released;

    public Guid ModelId => champion.ModelId;

    public int Version => champion.Version;

    public string Architecture => champion.Architecture;

    public TModel Model => champion.Model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            champion.Release();
        }
    }
}
