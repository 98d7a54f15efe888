using Forecast.Jobs.DemoData;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Hosting;

/// <summary>Prints where Swagger is and the demo key once the service is up, for the person who ran ./forecast.sh run.</summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return;
            }

            Console.WriteLine($"Swagger: {address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")}/swagger");
            var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (demo.Enabled)
            {
                Console.WriteLine($"Demo API key: {demo.ApiKey}");
            }
        });
}
