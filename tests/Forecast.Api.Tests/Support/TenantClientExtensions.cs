using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Forecast.Api.Tests.Support;

public static class TenantClientExtensions
{
    public static async Task PutAdvertisersAsync(this TenantClient tenant, params string[] ids)
    {
        foreach (var id in ids)
        {
            var response = await tenant.Http.PutAsJsonAsync($"/v1/advertisers/{id}", new { name = $"Advertiser {id}" });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public static async Task PutScenariosAsync(this TenantClient tenant, params string[] keys)
    {
        foreach (var key in keys)
        {
            var response = await tenant.Http.PutAsJsonAsync($"/v1/scenarios/{key}", new { attributes = new { channel = key } });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public static Task<HttpResponseMessage> PostJsonBatchAsync(this TenantClient tenant, string kind, object rows) =>
        tenant.Http.PostAsJsonAsync($"/v1/ingest/{kind}", new { rows });

    public static Task<HttpResponseMessage> PostCsvBatchAsync(this TenantClient tenant, string kind, string csv) =>
        tenant.Http.PostAsync($"/v1/ingest/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The field names of a ProblemDetails' errors.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(field => field.Name).ToList() : [];

    /// <summary>Polls a job until it succeeds or fails (or four minutes pass) and returns its last state.</summary>
    public static async Task<JsonElement> WaitForJobAsync(this TenantClient tenant, string location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var job = await (await tenant.Http.GetAsync(location)).ReadJsonAsync(HttpStatusCode.OK);
            var state = job.GetProperty("state").GetString();
            if (state is "Succeeded" or "Failed" || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(500);
        }
    }
}
