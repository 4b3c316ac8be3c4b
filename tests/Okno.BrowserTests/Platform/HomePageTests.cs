using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Platform;

[Collection(ChromiumCollection.Name)]
public sealed class HomePageTests(OknoInChromium okno)
{
    private const string RunningRu = "Окно работает.";
    private const string RunningEn = "Okno is running.";

    [Fact]
    public Task Home_page_speaks_russian_to_a_russian_browser() => okno.InPageAsync("ru-RU", async tab =>
    {
        await tab.GotoInteractiveAsync("/");

        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningRu);
        await Expect(tab.Page.Locator("#home-signin")).ToHaveTextAsync("Войти в рабочее место");
        await Expect(tab.Page.Locator("#home-help")).ToHaveTextAsync("Открыть справку");
        await Expect(tab.Page.Locator("header")).ToContainTextAsync("Окно");
        await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(tab.Page).ToHaveTitleAsync("Окно");
        await AssertIsPngAsync(await tab.ScreenshotAsync());
    });

    [Fact]
    public Task Home_page_speaks_english_to_an_english_browser() => okno.InPageAsync("en-US", async tab =>
    {
        await tab.GotoInteractiveAsync("/");

        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningEn);
        await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(tab.Page).ToHaveTitleAsync("Okno");
        // A newcomer is led to the agent sign-in and to the help center, not to API instructions.
        await Expect(tab.Page.Locator("#home-signin")).ToHaveTextAsync("Sign in to the workspace");
        await Expect(tab.Page.Locator("#home-help")).ToHaveTextAsync("Open the help center");
        await Expect(tab.Page.Locator("body")).Not.ToContainTextAsync("/api/v1/auth/token");
        await tab.Page.Locator("#home-signin").ClickAsync();
        await Expect(tab.Page.Locator("#signin-submit")).ToBeVisibleAsync();
        await AssertIsPngAsync(await tab.ScreenshotAsync());
    });

    [Fact]
    public Task RU_link_switches_an_english_page_to_russian_and_the_choice_sticks() => okno.InPageAsync("en-US", async tab =>
    {
        await tab.GotoInteractiveAsync("/");
        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningEn);

        await tab.LoadsInteractiveAsync(() => Link(tab, "RU").ClickAsync());

        await Expect(tab.Page).ToHaveURLAsync(okno.BaseUrl + "/");   // back on the page the link was clicked on
        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningRu);
        await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        // The browser still asks for English; the choice made with the link wins.
        await tab.LoadsInteractiveAsync(() => tab.Page.ReloadAsync());
        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningRu);
    });

    [Fact]
    public Task EN_link_switches_a_russian_page_to_english_and_the_choice_sticks() => okno.InPageAsync("ru-RU", async tab =>
    {
        await tab.GotoInteractiveAsync("/");
        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningRu);

        await tab.LoadsInteractiveAsync(() => Link(tab, "EN").ClickAsync());

        await Expect(tab.Page).ToHaveURLAsync(okno.BaseUrl + "/");
        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningEn);
        await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await tab.LoadsInteractiveAsync(() => tab.Page.ReloadAsync());
        await Expect(tab.Page.Locator("#status")).ToHaveTextAsync(RunningEn);
    });

    [Fact]
    public Task Home_page_loads_without_console_errors_or_failed_requests() => okno.InPageAsync("ru-RU", async tab =>
    {
        await tab.GotoInteractiveAsync("/");
        await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(tab.Problems);
        // Headless Chromium does not fetch the icon by itself, so ask for the one the page names.
        var icon = await tab.Page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var response = await tab.Page.APIRequest.GetAsync(new Uri(new Uri(tab.Page.Url), icon).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"]);
    });

    private static ILocator Link(BrowserTab tab, string name) =>
        tab.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static async Task AssertIsPngAsync(string path)
    {
        var head = new byte[8];
        await using (var file = File.OpenRead(path)) await file.ReadExactlyAsync(head);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
    }
}
