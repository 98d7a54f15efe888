using Forecast.Application;
using Forecast.Infrastructure;
using Forecast.Infrastructure.Telemetry;
using Forecast.Serving;

namespace Forecast.Jobs;

/// <summary>
/// The standalone worker: a Hangfire server on the service's PostgreSQL, without HTTP. Run as many as the training
/// load needs; they share the job queue and the per-tenant training lock.
/// </summary>
internal static class Worker
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration["Forecast:Jobs:RunServer"] = "true";
        builder.Services
            .AddApplication()
            .AddInfrastructure(builder.Configuration)
            .AddServing(builder.Configuration)
            .AddJobs(builder.Configuration)
            .AddTelemetry(builder.Configuration, "forecast-worker");

        await builder.Build().RunAsync();
    }
}
