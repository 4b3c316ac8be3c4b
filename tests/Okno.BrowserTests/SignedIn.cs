using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests;

public static class SignedIn
{
    /// <summary>Signs in through the real sign-in form and waits until the page it lands on is interactive.</summary>
    public static async Task SignInAsync(this BrowserTab tab, string email = OknoFactory.AdminEmail, string password = OknoFactory.AdminPassword,
        string returnUrl = "/inbox")
    {
        await tab.Page.GotoAsync("/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await tab.Page.Locator("#email").FillAsync(email);
        await tab.Page.Locator("#password").FillAsync(password);
        await tab.LoadsInteractiveAsync(() => tab.Page.Locator("#signin-submit").ClickAsync());
        await Expect(tab.Page.Locator("#signed-in-as")).ToBeVisibleAsync();
    }
}
