using Forecast.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Forecast.Demo;

/// <summary>The shipped API with the demo tenant: what ./forecast.sh run starts.</summary>
public static class DemoHost
{
    public static async Task Main(string[] args)
    {
        var app = ForecastApiHost.Build(args, builder => builder.Services.AddDemo(builder.Configuration));
        PrintKeyWhenStarted(app);
        await app.RunAsync();
    }

    /// <summary>For the person who ran ./forecast.sh run, under the Swagger address the API prints.</summary>
    public static void PrintKeyWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (demo.Enabled)
            {
                Console.WriteLine($"Demo API key: {demo.ApiKey}");
            }
        });
}
