using Forecast.Application.Forecasts;
using Forecast.Infrastructure.Forecasts;

namespace Forecast.Api.Tests.Infrastructure;

/// <summary>The rules of the per-process memory of stored forecasts, without a database (the API tests cover the channel).</summary>
public sealed class FreshForecastCacheTests
{
    private static readonly Guid Model = Guid.NewGuid();
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();

    [Fact]
    public void Nothing_is_kept_before_the_channel_is_listened_to_and_everything_is_forgotten_when_it_is_lost()
    {
        var cache = new FreshForecastCache(capacity: 10);
        Assert.Null(cache.ShelfOf(TenantA));

        cache.Listening();
        cache.ShelfOf(TenantA)!.Put("a1", Model, Rows("a1"));
        Assert.True(cache.ShelfOf(TenantA)!.TryGet("a1", Model, out _));

        cache.Lost();
        Assert.Null(cache.ShelfOf(TenantA));
        cache.Listening();
        Assert.False(cache.ShelfOf(TenantA)!.TryGet("a1", Model, out _));
    }

    [Fact]
    public void Rows_read_while_the_tenant_changed_are_never_served()
    {
        var cache = Listening(capacity: 1);
        var takenBeforeTheRead = cache.ShelfOf(TenantA)!;
        cache.Notified(TenantA.ToString());
        takenBeforeTheRead.Put("a1", Model, Rows("a1"));

        Assert.False(cache.ShelfOf(TenantA)!.TryGet("a1", Model, out _));
        // Nor do they take room: the one place left is still free.
        cache.ShelfOf(TenantA)!.Put("a2", Model, Rows("a2"));
        Assert.True(cache.ShelfOf(TenantA)!.TryGet("a2", Model, out _));
    }

    [Fact]
    public void A_change_drops_only_its_tenant_and_a_truncate_drops_every_tenant()
    {
        var cache = Listening(capacity: 10);
        cache.ShelfOf(TenantA)!.Put("a1", Model, Rows("a1"));
        cache.ShelfOf(TenantB)!.Put("b1", Model, Rows("b1"));

        cache.Notified(TenantA.ToString());
        Assert.False(cache.ShelfOf(TenantA)!.TryGet("a1", Model, out _));
        Assert.True(cache.ShelfOf(TenantB)!.TryGet("b1", Model, out var kept));
        Assert.Equal("b1", Assert.Single(kept).AdvertiserId);

        cache.Notified("");
        Assert.False(cache.ShelfOf(TenantB)!.TryGet("b1", Model, out _));
    }

    [Fact]
    public void Rows_of_another_model_are_not_the_champions()
    {
        var cache = Listening(capacity: 10);
        cache.ShelfOf(TenantA)!.Put("a1", Model, Rows("a1"));

        Assert.False(cache.ShelfOf(TenantA)!.TryGet("a1", Guid.NewGuid(), out _));
    }

    [Fact]
    public void When_full_the_largest_holder_reads_the_table_and_a_smaller_tenant_makes_room_by_dropping_its_entries()
    {
        var cache = Listening(capacity: 3);
        foreach (var advertiser in new[] { "a1", "a2", "a3", "a4" })
        {
            cache.ShelfOf(TenantA)!.Put(advertiser, Model, Rows(advertiser));
        }

        Assert.True(cache.ShelfOf(TenantA)!.TryGet("a3", Model, out _));
        Assert.False(cache.ShelfOf(TenantA)!.TryGet("a4", Model, out _));

        cache.ShelfOf(TenantB)!.Put("b1", Model, Rows("b1"));
        Assert.True(cache.ShelfOf(TenantB)!.TryGet("b1", Model, out _));
        Assert.False(cache.ShelfOf(TenantA)!.TryGet("a1", Model, out _));
    }

    private static FreshForecastCache Listening(int capacity)
    {
        var cache = new FreshForecastCache(capacity);
        cache.Listening();
        return cache;
    }

    private static List<StoredScenarioForecast> Rows(string advertiser) =>
        [new(advertiser, new DateOnly(2019, 4, 1), 7, Model, 1, new ScenarioForecastDto("app", 0.1, new Dictionary<string, TaskForecastDto>()))];
}
