using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Jobs.Webhooks;

namespace Forecast.Api.Tests.Loop;

/// <summary>A tenant's webhook URL cannot make the service reach its own network: loopback, private, link-local, metadata.</summary>
public sealed class WebhookAddressTests(PublicWebhooksApp app) : IClassFixture<PublicWebhooksApp>
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("2001:4860:4860::8888", true)]
    public void Only_public_addresses_are_reachable(string address, bool reachable) =>
        Assert.Equal(reachable, WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_delivery_to_a_loopback_receiver_is_refused_before_connecting_and_logged_why()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await app.NewTenantAsync();
        var webhook = await (await tenant.Http.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url, events = new[] { "training.failed" } }))
            .ReadJsonAsync(HttpStatusCode.Created);

        await (await tenant.Http.PostAsync("/v1/models/forecast/train", null)).ReadJsonAsync(HttpStatusCode.Accepted); // no data: it fails
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement attempted;
        do
        {
            await Task.Delay(200);
            var log = await (await tenant.Http.GetAsync($"/v1/webhooks/{webhook.GetProperty("id").GetString()}/deliveries")).ReadJsonAsync(HttpStatusCode.OK);
            attempted = log.EnumerateArray().FirstOrDefault(delivery => delivery.GetProperty("attempts").GetInt32() > 0);
        }
        while (attempted.ValueKind == JsonValueKind.Undefined && DateTime.UtcNow < deadline);

        Assert.Equal(JsonValueKind.Object, attempted.ValueKind);
        Assert.Contains("loopback or private", attempted.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }
}
