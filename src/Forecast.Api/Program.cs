using Forecast.Api.Hosting;

await ForecastApiHost.Build(args).RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
