using System.Net.Http.Json;
using Forecast.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Forecast.Api.Tests.Support;

/// <summary>The real service (migrations, Mediator, EF, COPY ingestion) on its own real PostgreSQL database.</summary>
public class ForecastApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789";

    public TestDatabase Database { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        StartServer(); // starts the host, which applies the migrations
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Forecast", Database.ConnectionString);
        builder.UseSetting("Forecast:AdminKey", AdminKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Short training runs: the tests check the pipeline, the backtest measures the model.
        builder.UseSetting("Forecast:Jobs:TrainingMaxEpochs", "6");
        builder.UseSetting("Forecast:Jobs:CtrTrainingMaxEpochs", "3");
        // Cold starts: the gate test trains twice on the same data and expects the same model (a warm start would not be).
        builder.UseSetting("Forecast:Jobs:WarmStart", "false");
        // Webhook retries a second apart: the tests watch a delivery fail, then succeed.
        builder.UseSetting("Forecast:Webhooks:RetryDelays", "00:00:01,00:00:01,00:00:01");
        builder.UseSetting("Forecast:Webhooks:AllowPrivateNetworks", "true"); // the receivers listen on loopback
        // The demo's importer loads the shipped real data into the tenants that need it, as ./forecast.sh run's host does.
        builder.ConfigureServices((context, services) => services.AddDemo(context.Configuration));
        ConfigureSettings(builder);
    }

    /// <summary>Settings of a variant of the service (a fixture of its own, on a database of its own).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    public HttpClient AdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>
    /// A new tenant, and a client that sends its key. Its retraining policy is <paramref name="retraining"/>: drift-only
    /// unless a test asks for the default loop (new-data), so the tests that train by hand count their own runs.
    /// </summary>
    public async Task<TenantClient> NewTenantAsync(string name = "Test tenant", string retraining = "drift-only")
    {
        var response = await AdminClient().PostAsJsonAsync("/v1/tenants", new { name });
        response.EnsureSuccessStatusCode();
        var tenant = (await response.Content.ReadFromJsonAsync<CreatedTenantBody>())!;
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.ApiKey);
        if (retraining != "new-data")
        {
            (await client.PutAsJsonAsync("/v1/models/retraining", new { mode = retraining })).EnsureSuccessStatusCode();
        }

        return new TenantClient(tenant.Id, tenant.ApiKey, tenant.ApiKeyId, client);
    }

    /// <summary>A new tenant that already has advertiser "a1" and scenario "app".</summary>
    public async Task<TenantClient> NewTenantWithA1InAppAsync()
    {
        var tenant = await NewTenantAsync();
        await tenant.PutAdvertisersAsync("a1");
        await tenant.PutScenariosAsync("app");
        return tenant;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeFixtureAsync();

    /// <summary>Stops the service, then drops its database.</summary>
    protected virtual async Task DisposeFixtureAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed record CreatedTenantBody(Guid Id, string Name, string ApiKey, Guid ApiKeyId);
}

public sealed record TenantClient(Guid Id, string ApiKey, Guid ApiKeyId, HttpClient Http);

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ForecastApp>
{
    public const string Name = "api";
}
