namespace Forecast.Bench;

/// <summary>Where the service under test runs, as ./forecast.sh bench passes it.</summary>
internal sealed record BenchEnvironment(Uri ApiUrl, string AdminKey, string ConnectionString)
{
    public static BenchEnvironment FromVariables() => new(
        new Uri(Required("FORECAST_API_URL")),
        Required("FORECAST_ADMIN_KEY"),
        Required("ConnectionStrings__Forecast"));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set; use ./forecast.sh bench.");
}
