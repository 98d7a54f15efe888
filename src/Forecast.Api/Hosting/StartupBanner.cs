using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Forecast.Api.Hosting;

/// <summary>Prints where Swagger is once the service is up, for the person who started it.</summary>
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
        });
}
