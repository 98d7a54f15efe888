using System.Collections.Concurrent;
using Forecast.Application.Forecasts;
using Forecast.Infrastructure.Persistence.Notifications;

namespace Forecast.Infrastructure.Forecasts;

/// <summary>
/// The fresh batch-scored forecasts this process has read, per tenant and advertiser, so the dashboards' repeated reads
/// of a day cost no database round trip. What makes a stored forecast stale is a change to one of the tables of
/// <see cref="ForecastFreshness"/>; triggers announce it on <see cref="InputsChangedChannel"/>, and the
/// tenant's entries are dropped here when the announcement arrives (this process's own ingestions and scoring runs
/// drop them at once, before they answer). A champion changed by a promotion is checked on every read. Entries are only
/// served while the channel is listened to: a process that cannot hear announcements reads the table.
/// </summary>
/// <param name="capacity">
/// Advertisers kept, all tenants together (<c>Forecast:Serving:CachedForecastAdvertisers</c>; 0 turns the cache off).
/// When full, a tenant that holds fewer entries than the largest holder makes room by dropping that one's (it reads its
/// table again as it is asked); the largest holder itself reads further advertisers from the table.
/// </param>
internal sealed class FreshForecastCache(int capacity) : IChannelSubscriber
{
    /// <summary>Notified by the triggers of the migration <c>ForecastFreshnessNotifications</c> (which spells it out: migrations stay as written).</summary>
    public const string InputsChangedChannel = "forecast_inputs_changed";

    private readonly ConcurrentDictionary<Guid, Shelf> _shelves = new();
    private readonly int _capacity = capacity;
    private int _count;
    private volatile bool _listening;

    public string Channel => InputsChangedChannel;

    /// <summary>
    /// The tenant's entries, to be taken before the table is read: rows put on a shelf that was dropped meanwhile (the
    /// data changed while they were read) are never served. Null when nothing may be cached now.
    /// </summary>
    public Shelf? ShelfOf(Guid tenantId) => _listening && _capacity > 0 ? _shelves.GetOrAdd(tenantId, static (_, cache) => new Shelf(cache), this) : null;

    public void Forget(Guid tenantId)
    {
        if (_shelves.TryRemove(tenantId, out var shelf))
        {
            shelf.Detach();
        }
    }

    public void Listening()
    {
        ForgetAll();
        _listening = true;
    }

    public void Lost()
    {
        _listening = false;
        ForgetAll();
    }

    /// <summary>A tenant id, or empty after a TRUNCATE (every tenant).</summary>
    public void Notified(string payload)
    {
        if (Guid.TryParse(payload, out var tenantId))
        {
            Forget(tenantId);
        }
        else
        {
            ForgetAll();
        }
    }

    /// <summary>Drops the entries of the tenant that holds the most, when it holds more than the one asking for room.</summary>
    private void MakeRoomFor(Shelf asking)
    {
        var largest = _shelves.MaxBy(pair => pair.Value.Count);
        if (largest.Value is { } shelf && shelf != asking && shelf.Count > asking.Count)
        {
            Forget(largest.Key);
        }
    }

    private void ForgetAll()
    {
        foreach (var tenantId in _shelves.Keys)
        {
            Forget(tenantId);
        }
    }

    /// <summary>One tenant's advertisers, each with the rows a model's scoring run stored for it.</summary>
    internal sealed class Shelf(FreshForecastCache cache)
    {
        private readonly ConcurrentDictionary<string, (Guid ModelId, IReadOnlyList<StoredScenarioForecast> Rows)> _advertisers = new(StringComparer.Ordinal);
        private readonly Lock _writes = new();
        private bool _detached;

        public bool TryGet(string advertiserId, Guid modelId, out IReadOnlyList<StoredScenarioForecast> rows)
        {
            if (_advertisers.TryGetValue(advertiserId, out var entry) && entry.ModelId == modelId)
            {
                rows = entry.Rows;
                return true;
            }

            rows = [];
            return false;
        }

        public int Count => _advertisers.Count;

        public void Put(string advertiserId, Guid modelId, IReadOnlyList<StoredScenarioForecast> rows)
        {
            // Outside this shelf's lock: making room locks another shelf, and two tenants may make room at once.
            if (Volatile.Read(ref cache._count) >= cache._capacity && !_advertisers.ContainsKey(advertiserId))
            {
                cache.MakeRoomFor(this);
            }

            lock (_writes)
            {
                if (_detached)
                {
                    return;
                }

                if (!_advertisers.ContainsKey(advertiserId))
                {
                    if (Volatile.Read(ref cache._count) >= cache._capacity)
                    {
                        return;
                    }

                    Interlocked.Increment(ref cache._count);
                }

                _advertisers[advertiserId] = (modelId, rows);
            }
        }

        public void Detach()
        {
            lock (_writes)
            {
                _detached = true;
                Interlocked.Add(ref cache._count, -_advertisers.Count);
            }
        }
    }
}
