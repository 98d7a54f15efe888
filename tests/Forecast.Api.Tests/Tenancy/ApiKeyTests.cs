using System.Net;
using System.Net.Http.Json;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Tenancy;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(ForecastApp app)
{
    [Fact]
    public async Task A_missing_or_unknown_key_is_401_problem_details()
    {
        var anonymous = app.CreateClient();
        var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "fk_not-a-key");

        var missing = await (await anonymous.GetAsync("/v1/advertisers")).ReadJsonAsync(HttpStatusCode.Unauthorized);
        await (await wrong.GetAsync("/v1/advertisers")).ReadJsonAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(401, missing.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_revoked_key_stops_working_and_a_new_key_works()
    {
        var tenant = await app.NewTenantAsync();
        await (await tenant.Http.GetAsync("/v1/advertisers")).ReadJsonAsync(HttpStatusCode.OK);
        var issued = await (await app.AdminClient().PostAsJsonAsync($"/v1/tenants/{tenant.Id}/api-keys", new { label = "rotation" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        await (await app.AdminClient().DeleteAsync($"/v1/tenants/{tenant.Id}/api-keys/{tenant.ApiKeyId}"))
            .ReadJsonAsync(HttpStatusCode.NoContent);

        await (await tenant.Http.GetAsync("/v1/advertisers")).ReadJsonAsync(HttpStatusCode.Unauthorized);
        var rotated = app.CreateClient();
        rotated.DefaultRequestHeaders.Add("X-Api-Key", issued.GetProperty("apiKey").GetString());
        await (await rotated.GetAsync("/v1/advertisers")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var tenant = await app.NewTenantAsync();

        var stored = await app.Database.RowsAsync("SELECT hash::text, hint FROM api_keys WHERE tenant_id = $1", tenant.Id);

        Assert.Single(stored);
        Assert.DoesNotContain(tenant.ApiKey, stored[0]);
    }

    [Fact]
    public async Task Issuing_a_key_for_an_unknown_tenant_is_404()
    {
        var response = await app.AdminClient().PostAsJsonAsync($"/v1/tenants/{Guid.NewGuid()}/api-keys", new { label = "x" });

        await response.ReadJsonAsync(HttpStatusCode.NotFound);
    }
}
