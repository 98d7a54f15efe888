using Forecast.Serving.Champions;

namespace Forecast.Ml.Tests.Serving;

public sealed class ChampionLeaseTests
{
    [Fact]
    public void A_replaced_champion_is_disposed_when_its_last_lease_is_and_never_before()
    {
        var model = new CountingModel();
        var champion = new Champion<CountingModel>(Guid.NewGuid(), 1, "forecast", model);
        Assert.True(champion.TryUse());
        var first = new ChampionLease<CountingModel>(champion);
        Assert.True(champion.TryUse());
        var second = new ChampionLease<CountingModel>(champion);

        champion.Release(); // the cache replaces it
        first.Dispose();
        first.Dispose(); // a lease releases once however often it is disposed
        Assert.Equal(0, model.Disposals);

        second.Dispose();
        Assert.Equal(1, model.Disposals);
        Assert.False(champion.TryUse());
    }

    [Fact]
    public void Concurrent_uses_and_releases_dispose_the_model_exactly_once()
    {
        var model = new CountingModel();
        var champion = new Champion<CountingModel>(Guid.NewGuid(), 1, "forecast", model);
        Parallel.For(0, 10_000, _ =>
        {
            if (champion.TryUse())
            {
                new ChampionLease<CountingModel>(champion).Dispose();
            }
        });
        Assert.Equal(0, model.Disposals);

        champion.Release();
        Assert.Equal(1, model.Disposals);
    }

    private sealed class CountingModel : IDisposable
    {
        private int _disposals;

        public int Disposals => _disposals;

        public void Dispose() => Interlocked.Increment(ref _disposals);
    }
}
