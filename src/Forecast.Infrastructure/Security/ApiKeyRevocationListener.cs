using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Forecast.Infrastructure.Security;

/// <summary>
/// Listens on the revocation channel for as long as the host runs, on a connection of its own, and drops revoked
/// tenants' keys from this instance's cache; reconnects after a lost connection (forgetting every cached key, as
/// announcements may have been missed meanwhile).
/// </summary>
internal sealed class ApiKeyRevocationListener(
    NpgsqlDataSource dataSource, CachedApiKeyResolver resolver, ILogger<ApiKeyRevocationListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (Guid.TryParse(notification.Payload, out var tenantId))
                    {
                        resolver.Forget(tenantId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {CachedApiKeyResolver.RevocationChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                resolver.ForgetAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning("API key revocation channel lost ({Reason}); listening again in {Delay} s", exception.Message, RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }
}
