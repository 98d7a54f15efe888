using Microsoft.AspNetCore.Hosting;

namespace Forecast.Api.Tests.Support;

/// <summary>The service as deployed for webhooks: deliveries reach public addresses only.</summary>
public sealed class PublicWebhooksApp : ForecastApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Forecast:Webhooks:AllowPrivateNetworks", "false");
}
