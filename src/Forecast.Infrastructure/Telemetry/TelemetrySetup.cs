using Forecast.Application.Common.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Forecast.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// OpenTelemetry traces and metrics shared by every host: the service's own (trainings, scoring, serving), Npgsql's
    /// commands and pool, and the .NET runtime's; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the
    /// standard OTEL_* variables configure it). A host adds its own instrumentation and exporters to the builder.
    /// </summary>
    public static OpenTelemetryBuilder AddTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ForecastTelemetry.Name).AddNpgsql();
                if (otlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ForecastTelemetry.Name, "Npgsql", "System.Runtime");
                if (otlp) metrics.AddOtlpExporter();
            });
    }
}
