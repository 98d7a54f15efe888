using Forecast.Infrastructure.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Forecast.Api.Hosting;

internal static class ApiTelemetry
{
    public const string ScrapePath = "/metrics";

    /// <summary>The shared telemetry, plus HTTP server and client instrumentation and a Prometheus scrape endpoint.</summary>
    public static IServiceCollection AddApiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTelemetry(configuration, "forecast-api")
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsPlumbing(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());
        return services;
    }

    // Scrapes and probes every few seconds would drown the traces that matter.
    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments(ScrapePath) || path.StartsWithSegments("/health");
}
