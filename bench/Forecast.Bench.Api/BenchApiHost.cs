using Forecast.Api.Hosting;
using Forecast.Demo;

namespace Forecast.Bench.Api;

/// <summary>
/// The API that ./forecast.sh bench starts: the shipped application, the demo tenant where the benchmark serves it, and
/// the serving baselines mapped beside them.
/// </summary>
internal static class BenchApiHost
{
    public static async Task Main(string[] args)
    {
        var app = ForecastApiHost.Build(args, builder => builder.Services.AddDemo(builder.Configuration));
        app.MapServingBaselines();
        await app.RunAsync();
    }
}
