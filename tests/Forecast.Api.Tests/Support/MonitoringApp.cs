using Microsoft.AspNetCore.Hosting;

namespace Forecast.Api.Tests.Support;

/// <summary>
/// The service without a job server (the test runs scoring itself; a retraining the drift rule queues stays queued) and
/// with a drift rule that judges the few pairs a test tenant has.
/// </summary>
public sealed class MonitoringApp : ForecastApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Forecast:Jobs:RunServer", "false");
        builder.UseSetting("Forecast:Accuracy:Drift:MinPairs", "5");
    }
}
