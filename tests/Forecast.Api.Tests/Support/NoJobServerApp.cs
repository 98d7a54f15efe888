using Microsoft.AspNetCore.Hosting;

namespace Forecast.Api.Tests.Support;

/// <summary>
/// The service with its rate limits lifted (the fuzz sends thousands of requests with one key) and no job server: what
/// is queued stays queued.
/// </summary>
public sealed class NoJobServerApp : ForecastApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Forecast:RateLimits:RequestBurst", "1000000");
        builder.UseSetting("Forecast:RateLimits:IngestionBurst", "1000000");
        builder.UseSetting("Forecast:RateLimits:TrainingBurst", "1000000");
        builder.UseSetting("Forecast:Jobs:RunServer", "false");
    }
}
