using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Forecast.Infrastructure.Persistence.Notifications;

/// <summary>
/// Listens to every subscriber's channel for as long as the host runs, on one connection of its own, and reconnects
/// after a lost one. A connection that dies without a word (a dropped network path) is found by a ping after
/// <see cref="PingAfter"/> of silence, so a subscriber that stops trusting its memory while the channel is lost learns it
/// within seconds, not at the next TCP timeout.
/// </summary>
internal sealed class DatabaseChannelListener(
    NpgsqlDataSource dataSource, IEnumerable<IChannelSubscriber> subscribers, ILogger<DatabaseChannelListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PingAfter = TimeSpan.FromSeconds(10);
    private const int PingTimeoutSeconds = 5;

    private readonly IReadOnlyList<IChannelSubscriber> _subscribers = subscribers.ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Lost();
                }

                logger.LogWarning("Database notification channels lost ({Reason}); listening again in {Delay} s", exception.Message, RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) =>
        {
            foreach (var subscriber in _subscribers.Where(subscriber => subscriber.Channel == notification.Channel))
            {
                subscriber.Notified(notification.Payload);
            }
        };
        foreach (var channel in _subscribers.Select(subscriber => subscriber.Channel).Distinct())
        {
            await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        foreach (var subscriber in _subscribers)
        {
            subscriber.Listening();
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(PingAfter, stoppingToken))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = PingTimeoutSeconds };
                await ping.ExecuteScalarAsync(stoppingToken);
            }
        }
    }
}
