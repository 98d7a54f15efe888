using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Tenancy;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyLifecycleTests(ForecastApp app)
{
    [Fact]
    public async Task A_key_rotated_with_overlap_then_revoked_is_refused_at_once_by_every_instance()
    {
        var tenant = await app.NewTenantAsync(retraining: "new-data"); // the audit below holds only the keys' story
        using var admin = app.AdminClient();
        var issued = await (await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Id}/api-keys", new { label = "dashboard-v2" })).ReadJsonAsync(HttpStatusCode.Created);
        var newKey = issued.GetProperty("apiKey").GetString()!;
        await using var second = new SecondInstance(app.Database);
        using var oldOnSecond = second.ClientWithKey(tenant.ApiKey);
        using var newOnSecond = second.ClientWithKey(newKey);

        // Overlap: both keys work on both instances (and the second instance now caches the old one).
        await (await tenant.Http.GetAsync("/v1/scenarios")).ReadJsonAsync(HttpStatusCode.OK);
        await (await oldOnSecond.GetAsync("/v1/scenarios")).ReadJsonAsync(HttpStatusCode.OK);
        await (await newOnSecond.GetAsync("/v1/scenarios")).ReadJsonAsync(HttpStatusCode.OK);

        (await admin.DeleteAsync($"/v1/tenants/{tenant.Id}/api-keys/{tenant.ApiKeyId}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Http.GetAsync("/v1/scenarios")).StatusCode);
        var refusedAfter = await UntilRefusedAsync(oldOnSecond);
        Assert.True(refusedAfter < TimeSpan.FromSeconds(2), $"the second instance still accepted the revoked key after {refusedAfter.TotalMilliseconds:F0} ms");
        await (await newOnSecond.GetAsync("/v1/scenarios")).ReadJsonAsync(HttpStatusCode.OK);

        var keys = await (await admin.GetAsync($"/v1/tenants/{tenant.Id}/api-keys")).ReadJsonAsync(HttpStatusCode.OK);
        var old = keys.EnumerateArray().Single(key => key.GetProperty("id").GetGuid() == tenant.ApiKeyId);
        Assert.NotEqual(JsonValueKind.Null, old.GetProperty("revokedAt").ValueKind);
        Assert.All(keys.EnumerateArray(), key => Assert.NotEqual(JsonValueKind.Null, key.GetProperty("lastUsedAt").ValueKind));
        Assert.DoesNotContain(newKey, keys.GetRawText(), StringComparison.Ordinal);

        var audit = await (await admin.GetAsync($"/v1/audit?tenantId={tenant.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["api_key.revoked", "api_key.issued", "tenant.created"], audit.EnumerateArray().Select(entry => entry.GetProperty("action").GetString()));
        Assert.All(audit.EnumerateArray(), entry => Assert.Equal("admin", entry.GetProperty("actor").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await newOnSecond.GetAsync("/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task A_key_issued_with_an_expiry_stops_working_then_and_an_expiry_in_the_past_is_refused()
    {
        var tenant = await app.NewTenantAsync();
        using var admin = app.AdminClient();
        var past = await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Id}/api-keys", new { label = "late", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(["expiresAt"], (await past.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var issued = await (await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Id}/api-keys", new { label = "short-lived", expiresAt })).ReadJsonAsync(HttpStatusCode.Created);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.GetProperty("apiKey").GetString());
        await (await client.GetAsync("/v1/scenarios")).ReadJsonAsync(HttpStatusCode.OK);

        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/scenarios")).StatusCode);
    }

    private static async Task<TimeSpan> UntilRefusedAsync(HttpClient client)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await client.GetAsync("/v1/scenarios")).StatusCode != HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(35))
        {
            await Task.Delay(20);
        }

        return clock.Elapsed;
    }
}
