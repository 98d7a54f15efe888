using System.Collections.Concurrent;
using Forecast.Application.Forecasts;
using Hangfire;
using Hangfire.States;

namespace Forecast.Jobs.Scoring;

/// <summary>
/// Queues <see cref="ScoreForecastsJob"/> for a tenant after an ingestion, unless the one this instance queued last is
/// still waiting in the queue: that one will read the new rows when it starts. A job already running may have read
/// the tenant's history before this batch, so it does not count. The batch is committed when this runs: a job store
/// that cannot be reached (a database restart leaves Hangfire's pooled connections broken) costs freshness, which the
/// online path and the next batch or nightly run restore, never the answer to a batch that was stored.
/// </summary>
internal sealed class HangfireForecastRefresher(IBackgroundJobClient jobs, JobStorage storage, ILogger<HangfireForecastRefresher> logger) : IForecastRefresher
{
    private readonly ConcurrentDictionary<Guid, string> _queued = new();

    public void Refresh(Guid tenantId)
    {
        try
        {
            if (_queued.TryGetValue(tenantId, out var jobId) && IsWaiting(jobId))
            {
                return;
            }

            _queued[tenantId] = jobs.Enqueue<ScoreForecastsJob>(job => job.RunAsync(tenantId, CancellationToken.None));
        }
        catch (Exception exception) when (exception is BackgroundJobClientException or Npgsql.NpgsqlException)
        {
            logger.LogWarning("Tenant {TenantId}: re-scoring after ingestion not queued ({Reason}); forecasts are computed online until the next scoring",
                tenantId, exception.GetBaseException().Message);
        }
    }

    private bool IsWaiting(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name == EnqueuedState.StateName;
    }
}
