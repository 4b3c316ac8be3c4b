using System.Text.RegularExpressions;
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
        // The sign-out form's redirect and the tab's own circuit (told at once that its session ended, which sends it to
        // the sign-in page with a return address) race; either way the tab ends on the sign-in page.
        await Expect(tab.Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(okno.BaseUrl) + "/signin(\\?ReturnUrl=.*)?$"));
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

    [Fact]
    public Task An_open_tab_goes_to_the_sign_in_page_at_once_when_the_agents_password_is_changed() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var email = $"tab-{Guid.NewGuid():N}@test.okno";
        var agent = await admin.PostJsonAsync("/api/v1/agents", new { email, name = "Tab Agent", role = "agent", password = "agent-password-1" });
        await tab.SignInAsync(email, "agent-password-1");
        await Expect(tab.Page.Locator("#signed-in-as")).ToHaveTextAsync("Tab Agent");

        await admin.PatchAsync($"/api/v1/agents/{agent.Id()}", new { password = "another-password-2" });

        // The periodic re-check is every 30 s; the revoked session reaches the open circuit at once.
        await Expect(tab.Page).ToHaveURLAsync(new Regex("/signin"), new() { Timeout = 10_000 });
        await Expect(tab.Page.Locator("#signed-in-as")).ToHaveCountAsync(0);
    });
}
