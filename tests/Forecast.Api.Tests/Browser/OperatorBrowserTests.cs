using System.Net;
using System.Text.RegularExpressions;
using Forecast.Api.Tests.Forecasts;
using Forecast.Api.Tests.Support;
using Microsoft.Playwright;

namespace Forecast.Api.Tests.Browser;

public sealed partial class OperatorBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_operator_logs_in_with_the_admin_key_and_sees_the_dashboards_jobs()
    {
        var tenant = await app.NewTenantAsync();
        await tenant.PutAdvertisersAsync("a1");
        await tenant.PutScenariosAsync("app");
        var queued = await tenant.Http.PostAsync("/v1/models/forecast/train", null); // fails (no data): a job to see
        await queued.ReadJsonAsync(HttpStatusCode.Accepted);
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/hangfire");
        Assert.Matches(LoginUrl(), page.Url);
        await page.FillAsync("#adminKey", "not-the-admin-key");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("That is not the admin key.", (await page.TextContentAsync("[role=alert]"))?.Trim());
        Assert.Empty(await context.CookiesAsync());

        await page.FillAsync("#adminKey", ForecastApp.AdminKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(DashboardUrl());
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(-1, cookie.Expires); // a session cookie: its ticket expires server-side after 8 hours

        await page.GotoAsync("/hangfire/recurring");
        Assert.Contains($"train-ctr-{tenant.Id}", await page.ContentAsync(), StringComparison.Ordinal);
        var jobId = queued.Headers.Location!.ToString().Split('/')[^1];
        await page.GotoAsync($"/hangfire/jobs/details/{jobId}");
        Assert.Contains("TrainForecastModelJob", await page.ContentAsync(), StringComparison.Ordinal);

        // The cookie opens the dashboard only: the API still wants its key.
        var api = await page.APIRequest.PostAsync("/v1/tenants", new APIRequestContextOptions { DataObject = new { name = "by cookie" } });
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task A_user_authorizes_swagger_with_a_tenant_key_and_tries_a_forecast()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);
        var job = await tenant.Http.PostAsync("/v1/models/forecast/train", null);
        await WaitForChampionAsync(tenant, job.Headers.Location!.ToString());
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/swagger");
        await page.ClickAsync("button.authorize");
        await page.FillAsync(".auth-container input", tenant.ApiKey);
        await page.ClickAsync(".auth-btn-wrapper button.authorize");
        await page.ClickAsync("button.btn-done");
        var operation = page.Locator(".opblock-get").Filter(new LocatorFilterOptions { HasText = "/v1/advertisers/{id}/forecasts" }).First;
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        await operation.Locator("input[placeholder=id]").FillAsync(advertiser);
        await operation.Locator("button.execute").ClickAsync();

        var status = operation.Locator(".live-responses-table tbody tr.response .response-col_status").First;
        await status.WaitForAsync();
        Assert.Equal("200", (await status.TextContentAsync())?.Trim());
        var body = await operation.Locator(".live-responses-table tbody tr.response .response-col_description pre").First.TextContentAsync();
        Assert.Contains("\"scenarios\"", body, StringComparison.Ordinal);
        Assert.Contains(advertiser, body, StringComparison.Ordinal);
    }

    /// <summary>The champion, however many attempts its training job needed (Hangfire retries a failed run).</summary>
    private static async Task WaitForChampionAsync(TenantClient tenant, string job)
    {
        var deadline = DateTime.UtcNow.AddMinutes(8);
        while (!(await tenant.Http.GetStringAsync("/v1/models?kind=forecast")).Contains("\"Champion\"", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no champion after 8 minutes; the job: {await tenant.Http.GetStringAsync(job)}");
            await Task.Delay(1000);
        }
    }

    [GeneratedRegex("/operator/login\\?returnUrl=%2Fhangfire$")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/hangfire/?$")]
    private static partial Regex DashboardUrl();
}
