using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Okno.Testing;

namespace Okno.BrowserTests;

/// <summary>All browser tests share one Okno and one Chromium: a launch costs about a second, a fresh context
/// per test keeps them apart all the same.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<OknoInChromium>
{
    public const string Name = "Chromium";
}

/// <summary>Okno on SQLite served by real Kestrel on a free loopback port (a browser cannot reach the in-memory
/// TestServer), and Debian's Chromium driven by Playwright.</summary>
public sealed class OknoInChromium : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    public OknoFactory App { get; } = OknoFactory.Sqlite();
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        // Checked before anything starts, so a missing browser is the one message every test fails with.
        var chromium = ChromiumPath();

        BaseUrl = ServeOnLoopback(App);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        // dotnet test runs the test projects side by side on two cores: a circuit can take seconds to start.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>Starts an app on real Kestrel on a free loopback port (port 0: parallel test runs never collide)
    /// and gives its base URL.</summary>
    public static string ServeOnLoopback(OknoFactory app)
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Runs a test in a fresh browser context (own cookies, own locale) on the shared app, or on the app at
    /// <paramref name="baseUrl"/>. When the test fails, a screenshot of the page is saved next to the others, and the
    /// console errors and failed requests are added to the failure message.</summary>
    public async Task InPageAsync(string locale, Func<BrowserTab, Task> test, string? baseUrl = null,
        [CallerFilePath] string file = "", [CallerMemberName] string name = "")
    {
        await using var context = await NewContextAsync(locale, baseUrl);
        var tab = new BrowserTab(await context.NewPageAsync(), Screenshots.NameFor(file, name));
        tab.ForgetEarlierFailure();
        try
        {
            await test(tab);
        }
        catch (Exception e)
        {
            string shot;
            try { shot = await tab.ScreenshotAsync("failed"); }
            catch (PlaywrightException se) { shot = "none: " + se.Message; }
            throw new BrowserTestFailed($"{e.Message}\nScreenshot: {shot}\nPage problems:\n  {await tab.DescribeProblemsAsync()}", e);
        }
    }

    /// <summary>Like <see cref="InPageAsync"/> with two separate browser contexts (two people, each with their own
    /// cookies) side by side, on the shared app or each on its own; on failure both pages are photographed.</summary>
    public async Task InTwoPagesAsync(string locale, Func<BrowserTab, BrowserTab, Task> test, string? firstBaseUrl = null,
        string? secondBaseUrl = null, [CallerFilePath] string file = "", [CallerMemberName] string name = "")
    {
        await using var first = await NewContextAsync(locale, firstBaseUrl);
        await using var second = await NewContextAsync(locale, secondBaseUrl);
        var a = new BrowserTab(await first.NewPageAsync(), Screenshots.NameFor(file, name) + ".a");
        var b = new BrowserTab(await second.NewPageAsync(), Screenshots.NameFor(file, name) + ".b");
        a.ForgetEarlierFailure();
        b.ForgetEarlierFailure();
        try
        {
            await test(a, b);
        }
        catch (Exception e)
        {
            var shots = new List<string>();
            foreach (var tab in new[] { a, b })
            {
                try { shots.Add(await tab.ScreenshotAsync("failed")); }
                catch (PlaywrightException se) { shots.Add("none: " + se.Message); }
            }
            throw new BrowserTestFailed($"{e.Message}\nScreenshots: {string.Join(", ", shots)}\nPage A problems:\n  " +
                $"{await a.DescribeProblemsAsync()}\nPage B problems:\n  {await b.DescribeProblemsAsync()}", e);
        }
    }

    private async Task<IBrowserContext> NewContextAsync(string locale, string? baseUrl = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = baseUrl ?? BaseUrl,
            Locale = locale,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(BrowserTab.RememberPrerenderedScript);
        return context;
    }

    public static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("OKNO_TEST_CHROMIUM") is { Length: > 0 } set ? set : DefaultChromium;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium for the browser tests is missing: no file at {path}. Run the tests with scripts/test (it " +
                "installs Debian's chromium), or run `eval \"$(scripts/test-deps up)\"` first. OKNO_TEST_CHROMIUM " +
                "points the tests at another Chromium. (`playwright install` is not used: it cannot download here.)");
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class BrowserTestFailed(string message, Exception inner) : Exception(message, inner);
