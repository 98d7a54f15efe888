using Forecast.Ml.Torch;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Forecast.Serving.Health;

/// <summary>Readiness: a host whose TorchSharp native libraries do not load cannot train or forecast.</summary>
public sealed class TorchRuntimeHealthCheck : IHealthCheck
{
    private readonly Lazy<string?> _failure = new(TorchRuntime.NativeLoadFailure);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_failure.Value is { } failure
            ? HealthCheckResult.Unhealthy($"TorchSharp native libraries failed to load: {failure}")
            : HealthCheckResult.Healthy());
}
