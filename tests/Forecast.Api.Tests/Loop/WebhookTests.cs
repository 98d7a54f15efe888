using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Forecast.Api.Tests.Support;

namespace Forecast.Api.Tests.Loop;

/// <summary>Say when it is hurt: a failed training reaches a signed webhook, retried until delivered, logged, and shows in the health.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookTests(ForecastApp app)
{
    [Fact]
    public async Task A_failed_training_is_delivered_signed_after_a_refused_attempt_logged_and_reported_by_the_health()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var tenant = await app.NewTenantAsync();
        var webhook = await (await tenant.Http.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url, events = new[] { "training.failed" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var secret = webhook.GetProperty("secret").GetString()!;

        // A tenant without daily metrics cannot train: the run fails, and says why.
        await (await tenant.Http.PostAsync("/v1/models/forecast/train", null)).ReadJsonAsync(HttpStatusCode.Accepted);
        var received = await receiver.WaitForAsync(deliveries => deliveries.Any(delivery => delivery.Answered == 200));

        Assert.True(received.Count >= 2, $"{received.Count} attempt(s)");
        Assert.Equal(500, received[0].Answered);
        Assert.All(received, delivery => Assert.Equal("training.failed", delivery.Event));
        Assert.Equal(received[0].DeliveryId, received[1].DeliveryId);
        Assert.All(received, delivery => Assert.Equal(ExpectedSignature(secret, delivery), delivery.Signature));
        using var body = JsonDocument.Parse(received[1].Body);
        Assert.Equal("training.failed", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(received[1].DeliveryId, body.RootElement.GetProperty("id").GetString());
        Assert.Contains("no daily metrics", body.RootElement.GetProperty("data").GetProperty("error").GetString(), StringComparison.Ordinal);

        var log = await (await tenant.Http.GetAsync($"/v1/webhooks/{webhook.GetProperty("id").GetString()}/deliveries")).ReadJsonAsync(HttpStatusCode.OK);
        var delivered = log.EnumerateArray().Single(delivery => delivery.GetProperty("id").GetString() == received[1].DeliveryId);
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        Assert.Equal(2, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivered.GetProperty("lastStatusCode").GetInt32());

        var health = await (await tenant.Http.GetAsync("/v1/models/health")).ReadJsonAsync(HttpStatusCode.OK);
        var forecastModel = health.GetProperty("kinds").EnumerateArray().Single(kind => kind.GetProperty("kind").GetString() == "forecast");
        Assert.Equal("no-model", forecastModel.GetProperty("status").GetString());
        Assert.True(forecastModel.GetProperty("consecutiveFailures").GetInt32() >= 1);
        Assert.Contains("no daily metrics", forecastModel.GetProperty("lastFailed").GetProperty("error").GetString(), StringComparison.Ordinal);

        // The operator's side: Prometheus sees the failed run and both attempts' outcomes.
        using var scraper = app.CreateClient();
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Matches("forecast_training_duration_seconds_count\\{[^}]*kind=\"forecast\"[^}]*outcome=\"failed\"", metrics);
        Assert.Matches("forecast_webhooks_attempts_total\\{[^}]*event=\"training.failed\"[^}]*outcome=\"retrying\"", metrics);
        Assert.Matches("forecast_webhooks_attempts_total\\{[^}]*event=\"training.failed\"[^}]*outcome=\"delivered\"", metrics);
    }

    [Fact]
    public async Task Another_tenant_neither_sees_nor_deletes_a_webhook_and_bad_subscriptions_name_their_field()
    {
        var tenant = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        var webhook = await (await tenant.Http.PostAsJsonAsync("/v1/webhooks", new { url = "https://hooks.example.com/x", events = new[] { "churn.risk" }, churnRiskThreshold = 0.7 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = webhook.GetProperty("id").GetString();

        await (await other.Http.GetAsync($"/v1/webhooks/{id}/deliveries")).ReadJsonAsync(HttpStatusCode.NotFound);
        await (await other.Http.DeleteAsync($"/v1/webhooks/{id}")).ReadJsonAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await other.Http.GetAsync("/v1/webhooks")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        var listed = (await (await tenant.Http.GetAsync("/v1/webhooks")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.False(listed.TryGetProperty("secret", out var secret) && secret.ValueKind != JsonValueKind.Null);

        var plainHttp = await tenant.Http.PostAsJsonAsync("/v1/webhooks", new { url = "http://hooks.example.com/x", events = new[] { "training.failed" } });
        var unknownEvent = await tenant.Http.PostAsJsonAsync("/v1/webhooks", new { url = "https://hooks.example.com/x", events = new[] { "model.exploded" } });
        var threshold = await tenant.Http.PostAsJsonAsync("/v1/webhooks", new { url = "https://hooks.example.com/x", events = new[] { "churn.risk" }, churnRiskThreshold = 1.5 });
        Assert.Equal(["url"], (await plainHttp.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["events[0]"], (await unknownEvent.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["churnRiskThreshold"], (await threshold.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());

        await (await tenant.Http.DeleteAsync($"/v1/webhooks/{id}")).ReadJsonAsync(HttpStatusCode.NoContent);
        Assert.Empty((await (await tenant.Http.GetAsync("/v1/webhooks")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    /// <summary>What a receiver computes: t from the header, HMAC-SHA256 of "t.body" under the secret.</summary>
    private static string ExpectedSignature(string secret, ReceivedDelivery delivery)
    {
        var timestamp = delivery.Signature.Split(',')[0]["t=".Length..];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{delivery.Body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
