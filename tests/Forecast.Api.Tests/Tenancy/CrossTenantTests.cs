using System.Net;
using System.Net.Http.Json;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Tenancy;

[Collection(ApiCollection.Name)]
public sealed class CrossTenantTests(ForecastApp app)
{
    [Theory]
    [InlineData("/v1/advertisers/shared-id")]
    [InlineData("/v1/scenarios/shared-key")]
    public async Task Another_tenants_object_is_not_found(string path)
    {
        var (owner, other) = await TwoTenantsAsync();

        await (await owner.Http.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
        var problem = await (await other.Http.GetAsync(path)).ReadJsonAsync(HttpStatusCode.NotFound);

        Assert.DoesNotContain("Owner", problem.ToString());
    }

    [Theory]
    [InlineData("/v1/advertisers")]
    [InlineData("/v1/scenarios")]
    public async Task Lists_show_only_the_tenants_own_objects(string path)
    {
        var (_, other) = await TwoTenantsAsync();

        var page = await (await other.Http.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Ingesting_against_another_tenants_advertiser_is_refused_and_writes_nothing()
    {
        var (owner, other) = await TwoTenantsAsync();
        await other.PutScenariosAsync("shared-key");

        var response = await other.PostCsvBatchAsync(
            "daily-metrics", "advertiserId,scenario,date,impressions,clicks\nshared-id,shared-key,2019-01-01,5,1\n");

        await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await app.Database.CountAsync("SELECT count(*) FROM daily_metrics WHERE tenant_id IN ($1, $2)", owner.Id, other.Id));
    }

    [Fact]
    public async Task The_same_id_in_another_tenant_is_a_separate_advertiser()
    {
        var (owner, other) = await TwoTenantsAsync();

        var created = await other.Http.PutAsJsonAsync("/v1/advertisers/shared-id", new { name = "Other's" });

        await created.ReadJsonAsync(HttpStatusCode.Created);
        var original = await (await owner.Http.GetAsync("/v1/advertisers/shared-id")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Owner's", original.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_tenant_cannot_revoke_keys_or_create_tenants()
    {
        var (owner, other) = await TwoTenantsAsync();

        await (await other.Http.DeleteAsync($"/v1/tenants/{owner.Id}/api-keys/{owner.ApiKeyId}")).ReadJsonAsync(HttpStatusCode.Forbidden);
        await (await other.Http.PostAsJsonAsync("/v1/tenants", new { name = "x" })).ReadJsonAsync(HttpStatusCode.Forbidden);
        await (await owner.Http.GetAsync("/v1/advertisers/shared-id")).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task<(TenantClient Owner, TenantClient Other)> TwoTenantsAsync()
    {
        var owner = await app.NewTenantAsync("Owner");
        var other = await app.NewTenantAsync("Other");
        (await owner.Http.PutAsJsonAsync("/v1/advertisers/shared-id", new { name = "Owner's" })).EnsureSuccessStatusCode();
        (await owner.Http.PutAsJsonAsync("/v1/scenarios/shared-key", new { name = "Owner's" })).EnsureSuccessStatusCode();
        return (owner, other);
    }
}
