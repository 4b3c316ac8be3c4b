using System.Net;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Notifications;

[Collection(ChromiumCollection.Name)]
public sealed class NotificationPagesTests(OknoInChromium okno)
{
    private const string Template = "/api/v1/notification-templates/ticket_resolved/en";

    [Fact]
    public Task An_admin_changes_a_template_sees_it_custom_is_refused_an_unknown_placeholder_and_resets_it() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        try
        {
            await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
            await page.ChooseFromMenuAsync("#nav-admin", "#nav-notification-templates");
            // The admin's bar, with this page's link in it, still shows the way out.
            await Expect(page.Locator("#signout")).ToBeInViewportAsync();
            var row = page.Locator("#template-ticket_resolved-en");
            await Expect(row.Locator(".template-state")).ToHaveAttributeAsync("data-custom", "false");
            await Expect(row.Locator(".template-subject")).ToHaveTextAsync("Your request is resolved: {ticket.subject}");
            // Every notification in both languages.
            await Expect(page.Locator("#templates-table tbody tr")).ToHaveCountAsync(16);

            await page.Locator("#template-edit-ticket_resolved-en").ClickAsync();
            await Expect(page.Locator("#template-placeholders")).ToContainTextAsync("{ticket.number}");
            await Expect(page.Locator("#template-reset")).ToHaveCountAsync(0);
            await page.Locator("#template-subject").FillAsync("Done: {ticket.subject} (#{ticket.number})");
            await page.Locator("#template-body").FillAsync("Hello {customer.name}, ticket #{ticket.number} is done.");
            await page.Locator("#template-save").ClickAsync();
            await Expect(page.Locator("#template-dialog")).ToHaveCountAsync(0);
            await Expect(row.Locator(".template-state")).ToHaveAttributeAsync("data-custom", "true");
            await Expect(row.Locator(".template-subject")).ToHaveTextAsync("Done: {ticket.subject} (#{ticket.number})");
            // The Russian one is untouched.
            await Expect(page.Locator("#template-ticket_resolved-ru .template-state")).ToHaveAttributeAsync("data-custom", "false");
            var stored = await admin.GetJsonAsync(Template);
            Assert.True(stored.GetProperty("custom").GetBoolean());
            Assert.Equal("Hello {customer.name}, ticket #{ticket.number} is done.", stored.Str("body"));

            // An unknown placeholder is refused under the body, and the saved text stays.
            await page.Locator("#template-edit-ticket_resolved-en").ClickAsync();
            await Expect(page.Locator("#template-subject")).ToHaveValueAsync("Done: {ticket.subject} (#{ticket.number})");
            await page.Locator("#template-body").FillAsync("Ticket {ticket.nomber} is done.");
            await page.Locator("#template-save").ClickAsync();
            await Expect(page.FieldError("template-body")).ToContainTextAsync("Unknown placeholder {ticket.nomber}");
            await Expect(page.Locator("#template-dialog")).ToBeVisibleAsync();
            await tab.ScreenshotAsync("unknown-placeholder");
            Assert.Equal("Hello {customer.name}, ticket #{ticket.number} is done.", (await admin.GetJsonAsync(Template)).Str("body"));

            await page.Locator("#template-reset").ClickAsync();
            await Expect(page.Locator("#template-dialog")).ToHaveCountAsync(0);
            await Expect(row.Locator(".template-state")).ToHaveAttributeAsync("data-custom", "false");
            await Expect(row.Locator(".template-subject")).ToHaveTextAsync("Your request is resolved: {ticket.subject}");
            Assert.False((await admin.GetJsonAsync(Template)).GetProperty("custom").GetBoolean());

            // After a reload the page still says default.
            await tab.GotoInteractiveAsync("/admin/notification-templates");
            await Expect(row.Locator(".template-state")).ToHaveAttributeAsync("data-custom", "false");
        }
        finally
        {
            // The app is shared by every browser test: a template changed here must not reach another test's mail.
            (await admin.DeleteAsync(Template)).EnsureSuccessStatusCode();
        }
    });

    [Fact]
    public Task An_agent_switches_a_notification_off_and_finds_it_off_after_a_reload() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var email = $"notify-{Guid.NewGuid():N}@test.okno";
        const string password = "agent-password-1";
        await admin.PostJsonAsync("/api/v1/agents", new { email, name = "Switching Agent", role = "agent", password, groupIds = Array.Empty<long>() });
        await tab.SignInAsync(email, password, "/inbox");

        await page.Locator("#nav-bell").ClickAsync();
        await page.Locator("#bell-settings").ClickAsync();
        await Expect(page.Locator("#my-notifications-title")).ToHaveTextAsync("Мои уведомления");
        await Expect(page.Locator("#notify-customer_replied")).ToContainTextAsync("Клиент ответил");
        foreach (var key in new[] { "ticket_assigned", "customer_replied", "group_ticket" })
            await Expect(Switch(page, key)).ToBeCheckedAsync();

        await Switch(page, "customer_replied").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Сохранено: «Клиент ответил» — выключено." })).ToBeVisibleAsync();
        await Expect(Switch(page, "customer_replied")).Not.ToBeCheckedAsync();

        await tab.GotoInteractiveAsync("/me/notifications");
        await Expect(Switch(page, "customer_replied")).Not.ToBeCheckedAsync();
        await Expect(Switch(page, "ticket_assigned")).ToBeCheckedAsync();
        await Expect(Switch(page, "group_ticket")).ToBeCheckedAsync();
        await tab.ScreenshotAsync();

        var agent = await okno.App.ClientAsync(email, password);
        var preferences = await agent.GetJsonAsync("/api/v1/me/notifications");
        Assert.False(preferences.GetProperty("customerReplied").GetBoolean());
        Assert.True(preferences.GetProperty("ticketAssigned").GetBoolean());
        Assert.True(preferences.GetProperty("groupTicket").GetBoolean());
        Assert.Empty(tab.Problems);
    });

    private static ILocator Switch(IPage page, string key) => page.Locator($"#notify-{key} input[type=checkbox]");
}
