using Forecast.Api.Hosting;

namespace Forecast.Bench.Api;

/// <summary>The API that ./forecast.sh bench starts: the shipped application, with the serving baselines mapped beside it.</summary>
internal static class BenchApiHost
{
    public static async Task Main(string[] args)
    {
        var app = ForecastApiHost.Build(args);
        app.MapServingBaselines();
        await app.RunAsync();
    }
}
