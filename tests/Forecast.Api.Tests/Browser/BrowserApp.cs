using Forecast.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Forecast.Api.Tests.Browser;

/// <summary>
/// The service on a real Kestrel port (a browser cannot reach the in-memory test server) and Debian's chromium driven by
/// Playwright: no browser is downloaded, ./forecast.sh test installs chromium from apt where it is missing.
/// </summary>
public sealed class BrowserApp : ForecastApp
{
    private IPlaywright? _playwright;

    public BrowserApp() => UseKestrel(0);

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var chromium = Environment.GetEnvironmentVariable("FORECAST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"No chromium at {chromium}: install it (apt-get install chromium; ./forecast.sh test does) or set FORECAST_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        // Root has no user namespaces for chromium's sandbox here; the pages are our own service's.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    protected override async Task DisposeFixtureAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeFixtureAsync();
    }
}
