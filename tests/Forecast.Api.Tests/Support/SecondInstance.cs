using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Forecast.Api.Tests.Support;

/// <summary>Another API process on the same database, with its own caches: what a second instance behind a load balancer sees.</summary>
public sealed class SecondInstance(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Forecast", database.ConnectionString);
        builder.UseSetting("Forecast:AdminKey", ForecastApp.AdminKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Forecast:Jobs:RunServer", "false");
    }

    public HttpClient ClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
