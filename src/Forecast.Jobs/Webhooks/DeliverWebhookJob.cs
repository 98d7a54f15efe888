using System.Text;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Telemetry;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Jobs.Webhooks;

/// <summary>
/// One attempt at a delivery: POSTs the logged body, signed, to the subscription's URL. A 2xx answer delivers it;
/// anything else (another status, a timeout, no connection) is logged on the delivery and, while
/// <see cref="WebhookOptions.RetryDelays"/> has waits left, the next attempt is scheduled after the next wait. The job
/// does its own retrying so each attempt is in the log with its outcome, and Hangfire's retries stay off.
/// </summary>
public sealed class DeliverWebhookJob(
    IForecastDbContext db, IHttpClientFactory http, IBackgroundJobClient jobs, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<DeliverWebhookJob> logger)
{
    public const string HttpClientName = "webhooks";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid tenantId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(candidate => candidate.TenantId == tenantId && candidate.Id == deliveryId, cancellationToken);
        var subscription = delivery is null ? null : await db.Webhooks.AsNoTracking()
            .SingleOrDefaultAsync(webhook => webhook.TenantId == tenantId && webhook.Id == delivery.WebhookId, cancellationToken);
        if (delivery is null || subscription is null || delivery.Status != Domain.Webhooks.WebhookDelivery.Pending)
        {
            return; // unsubscribed since, or already settled
        }

        var (statusCode, error) = await PostAsync(subscription.Url, subscription.Secret, delivery, cancellationToken);
        var now = clock.GetUtcNow();
        if (error is null)
        {
            delivery.Succeeded(statusCode!.Value, now);
            await db.SaveChangesAsync(cancellationToken);
            ForecastTelemetry.WebhookAttempted(delivery.Event, Domain.Webhooks.WebhookDelivery.Delivered);
            return;
        }

        var delays = options.Value.Delays();
        var next = delivery.Attempts < delays.Count ? now + delays[delivery.Attempts] : (DateTimeOffset?)null;
        delivery.AttemptFailed(statusCode, error, now, next);
        await db.SaveChangesAsync(cancellationToken);
        ForecastTelemetry.WebhookAttempted(delivery.Event, next is null ? Domain.Webhooks.WebhookDelivery.Failed : "retrying");
        if (next is { } at)
        {
            jobs.Schedule<DeliverWebhookJob>(job => job.RunAsync(tenantId, deliveryId, CancellationToken.None), at);
        }
        else
        {
            logger.LogWarning("Tenant {TenantId}: webhook delivery {DeliveryId} ({Event}) failed after {Attempts} attempts: {Error}",
                tenantId, deliveryId, delivery.Event, delivery.Attempts, error);
        }
    }

    private async Task<(int? StatusCode, string? Error)> PostAsync(string url, string secret, Domain.Webhooks.WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(secret, clock.GetUtcNow(), delivery.Payload));
        request.Headers.Add("Forecast-Event", delivery.Event);
        request.Headers.Add("Forecast-Delivery", delivery.Id.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, $"the receiver answered {code} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Value.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException exception)
        {
            return (null, Truncated(exception.Message));
        }
    }

    private static string Truncated(string message) => message.Length <= 500 ? message : message[..500];
}
