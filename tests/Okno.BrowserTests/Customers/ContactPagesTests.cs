using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Customers;

[Collection(ChromiumCollection.Name)]
public sealed class ContactPagesTests(OknoInChromium okno)
{
    [Fact]
    public Task Contact_merge_from_the_contact_page() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var phone = "+7 900 " + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(10, 99) + "-" + Random.Shared.Next(10, 99);
        var email = $"evl-{suffix}@example.com";
        var callerTicket = await admin.CreateTicketAsync("Звонок про счёт " + suffix, extra: new { customer = new { phone, name = "Анфиса Звонкова" } });
        var caller = callerTicket.GetProperty("customer").Id();
        var mailTicket = await admin.CreateTicketAsync("Письмо про счёт " + suffix, email);
        var survivor = mailTicket.GetProperty("customer").Id();

        // From the customer card on the ticket page to the contact's own page.
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{callerTicket.Id()}");
        await page.Locator("#customer-page-link").ClickAsync();   // inside the running page: no new circuit
        await Expect(page.Locator("#contact-title")).ToHaveTextAsync("Анфиса Звонкова");
        await Expect(page.Locator("#contact-tickets")).ToContainTextAsync("Звонок про счёт " + suffix);

        // Notes are saved with the contact.
        await page.Locator("#contact-notes").FillAsync("Звонит по вторникам");
        await page.Locator("#contact-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Контакт сохранён.");
        Assert.Equal("Звонит по вторникам", (await admin.GetJsonAsync($"/api/v1/contacts/{caller}")).Str("notes"));

        await page.Locator("#contact-merge").ClickAsync();
        await page.Locator("#merge-contact-email").FillAsync(email);
        await page.Locator("#merge-contact-find").ClickAsync();
        await Expect(page.Locator("#merge-contact-target")).ToContainTextAsync(email);
        await page.Locator("#merge-contact-confirm").ClickAsync();

        // The survivor's page opens, with both tickets.
        await page.WaitForURLAsync($"**/contacts/{survivor}");
        await Expect(page.Locator("#contact-title")).ToHaveTextAsync("Test Customer");
        await Expect(page.Locator("#contact-tickets")).ToContainTextAsync("Звонок про счёт " + suffix);
        await Expect(page.Locator("#contact-tickets")).ToContainTextAsync("Письмо про счёт " + suffix);
        await Expect(page.Locator("#contact-phones")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\+7900"));
        await tab.ScreenshotAsync("merged");

        await Expect(page.Locator("#contact-notes")).ToHaveValueAsync("Звонит по вторникам");   // the merged contact's notes came along
        await admin.GetJsonAsync($"/api/v1/contacts/{caller}", System.Net.HttpStatusCode.NotFound);
        Assert.Equal(survivor, (await admin.GetJsonAsync($"/api/v1/tickets/{callerTicket.Id()}")).GetProperty("customer").Id());
        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{callerTicket.Id()}/history?limit=100")).Items();
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "customer" && h.Str("newValue") == survivor.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The contacts list finds the survivor by the merged phone number.
        await tab.GotoInteractiveAsync("/contacts?q=" + Uri.EscapeDataString(phone));
        await Expect(page.Locator($"#contacts-table a[data-contact-id='{survivor}']")).ToBeVisibleAsync();
    });
}
