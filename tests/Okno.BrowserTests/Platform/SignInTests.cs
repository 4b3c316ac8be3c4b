using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Platform;

[Collection(ChromiumCollection.Name)]
public sealed class SignInTests(OknoInChromium okno)
{
    [Fact]
    public Task Agent_signs_in_sees_their_name_and_signs_out() => okno.InPageAsync("en-US", async tab =>
    {
        await tab.Page.GotoAsync("/signin?ReturnUrl=%2F");
        await tab.Page.Locator("#email").FillAsync(OknoFactory.AdminEmail);
        await tab.Page.Locator("#password").FillAsync(OknoFactory.AdminPassword);
        await tab.LoadsInteractiveAsync(() => tab.Page.Locator("#signin-submit").ClickAsync());

        // An agent's home is their inbox.
        await Expect(tab.Page).ToHaveURLAsync(okno.BaseUrl + "/inbox");
        await Expect(tab.Page.Locator("#signed-in-as")).ToHaveTextAsync("Administrator");
        await Expect(tab.Page.Locator("#inbox-views")).ToBeVisibleAsync();
        await tab.ScreenshotAsync();

        await tab.Page.Locator("#signout").ClickAsync();
        await Expect(tab.Page).ToHaveURLAsync(okno.BaseUrl + "/signin");
        await Expect(tab.Page.Locator("#signed-in-as")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Wrong_password_keeps_the_agent_on_the_form_with_a_russian_message() => okno.InPageAsync("ru-RU", async tab =>
    {
        await tab.Page.GotoAsync("/signin");
        await tab.Page.Locator("#email").FillAsync(OknoFactory.AdminEmail);
        await tab.Page.Locator("#password").FillAsync("not-the-password");
        await tab.Page.Locator("#signin-submit").ClickAsync();

        await Expect(tab.Page.Locator("#signin-error")).ToContainTextAsync("Неверный email или пароль");
        await Expect(tab.Page.Locator("#email")).ToHaveValueAsync(OknoFactory.AdminEmail);
        await Expect(tab.Page.Locator("#password")).ToHaveValueAsync("");
    });
}
