using Forecast.Application.Webhooks;
using Forecast.Domain.Registry;
using Hangfire.Server;

namespace Forecast.Jobs.Training;

/// <summary>What a training run announces to the tenant's webhooks when it ends.</summary>
internal static class TrainingEvents
{
    /// <summary>The retries a training job gets (its <c>[AutomaticRetry]</c>) before it stays failed.</summary>
    public const int Retries = 2;

    public static Task SucceededAsync(IWebhookPublisher webhooks, RegisteredModel model, bool promoted, CancellationToken cancellationToken) =>
        webhooks.PublishAsync(model.TenantId, WebhookEvents.TrainingSucceeded, new
        {
            kind = model.Kind,
            modelId = model.Id,
            version = model.Version,
            architecture = model.Architecture,
            trainedThrough = model.TrainedThrough,
            promoted,
        }, cancellationToken);

    public static Task FailedAsync(IWebhookPublisher webhooks, Guid tenantId, string kind, IEnumerable<RegisteredModel> models, string error, PerformContext? context)
    {
        var retried = context?.GetJobParameter<int>("RetryCount") ?? 0;
        return webhooks.PublishAsync(tenantId, WebhookEvents.TrainingFailed, new
        {
            kind,
            models = models.Select(model => new { modelId = model.Id, version = model.Version, architecture = model.Architecture }),
            error,
            attempt = retried + 1,
            willRetry = retried < Retries,
            jobId = context?.BackgroundJob.Id,
        }, CancellationToken.None);
    }
}
