using Microsoft.Playwright;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>
/// Headless Chromium driven by Playwright for .NET, for looking at the dashboard as a person does. The browser is
/// Debian's <c>/usr/bin/chromium</c> (installed by <c>.ci/run</c>); Playwright's own browser builds are never
/// downloaded. Only Playwright's driver is used, which the NuGet package ships under <c>.playwright/</c>.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Patience for a dashboard page, a Blazor app that renders after its circuit connects.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The machine has no network but loopback: without the background-networking switches Chromium keeps trying
    // to reach Google's services and floods the log with refused connections.
    private static readonly string[] Switches =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where screenshots go: <c>TestResults/screenshots/</c> under the test output directory.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Starts Chromium; fails the test (never skips it) when Debian's Chromium is not installed.</summary>
    public static async Task<DashboardBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail(
                $"The browser tests need Debian's Chromium at {ChromiumPath}, which is missing. Install it with "
                + "`apt-get install -y chromium` (.ci/run does); Playwright's own browser download is not used.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = Switches,
                Timeout = (float)Patience.TotalMilliseconds,
            });
            return new DashboardBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1200 } });
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return page;
    }

    /// <summary>Saves what the page shows as <c>TestResults/screenshots/<paramref name="name"/>.png</c>; returns the path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
