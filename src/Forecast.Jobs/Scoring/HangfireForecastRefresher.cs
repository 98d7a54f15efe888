using System.Collections.Concurrent;
using Forecast.Application.Forecasts;
using Hangfire;
using Hangfire.States;

namespace Forecast.Jobs.Scoring;

/// <summary>
/// Queues <see cref="ScoreForecastsJob"/> for a tenant after an ingestion, unless the one this instance queued last is
/// still waiting in the queue: that one will read the new rows when it starts. A job already running may have read
/// the tenant's history before this batch, so it does not count.
/// </summary>
internal sealed class HangfireForecastRefresher(IBackgroundJobClient jobs, JobStorage storage) : IForecastRefresher
{
    private readonly ConcurrentDictionary<Guid, string> _queued = new();

    public void Refresh(Guid tenantId)
    {
        if (_queued.TryGetValue(tenantId, out var jobId) && IsWaiting(jobId))
        {
            return;
        }

        _queued[tenantId] = jobs.Enqueue<ScoreForecastsJob>(job => job.RunAsync(tenantId, CancellationToken.None));
    }

    private bool IsWaiting(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name == EnqueuedState.StateName;
    }
}
