using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Admin;

[Collection(ChromiumCollection.Name)]
public sealed class ProfilePageTests(OknoInChromium okno)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public Task Profile_signature_in_a_sent_reply() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var email = $"maria-{Guid.NewGuid():N}@test.okno";
        const string password = "agent-password-1";
        await admin.PostJsonAsync("/api/v1/agents", new { email, name = "Maria Profile", role = "agent", password, groupIds = Array.Empty<long>() });
        await tab.SignInAsync(email, password, "/inbox");

        // The name in the app bar opens the profile.
        await page.Locator("#nav-profile").ClickAsync();   // inside the running page: no new circuit
        await Expect(page.Locator("#profile-title")).ToHaveTextAsync("My profile");
        await Expect(page.Locator("#profile-notifications-link")).ToHaveAttributeAsync("href", "/me/notifications");
        await page.Locator("#profile-signature-en").FillAsync("Best regards,\nMaria, support team");
        await page.Locator("#profile-signature-ru").FillAsync("С уважением,\nМария");
        await page.Locator("#profile-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Profile saved.");

        // A text file named .png is refused by its content; a real PNG becomes the picture.
        await page.Locator("#profile-avatar-file").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = "not a picture"u8.ToArray() });
        await Expect(page.Locator("#profile-avatar-error")).ToContainTextAsync("not a PNG, JPEG, WebP or GIF");
        await page.Locator("#profile-avatar-file").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.Locator("#profile-avatar-image")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("profile");

        var subject = "The printer is broken " + Guid.NewGuid().ToString("N")[..6];
        var ticket = await admin.CreateTicketAsync(subject, $"john-{Guid.NewGuid():N}@example.com",
            new { body = "Hello, our printer does not print at all since Monday." });
        await tab.GotoInteractiveAsync($"/tickets/{ticket.Id()}");
        await Expect(page.Locator("#nav-profile img.okno-avatar")).ToBeVisibleAsync();
        await page.Locator("#reply-body").FillAsync("We will replace the cartridge today.");
        await page.Locator("#reply-send").ClickAsync();
        var reply = page.Locator("#timeline .timeline-out");
        await Expect(reply).ToContainTextAsync("Best regards,");
        await Expect(reply.Locator("img.okno-avatar")).ToBeVisibleAsync();

        // The message that goes to the customer is the stored one: the English signature under the text, in both parts.
        var sent = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages?limit=50")).Items()
            .Single(m => m.Str("direction") == "out");
        Assert.Equal("We will replace the cartridge today.\n\n-- \nBest regards,\nMaria, support team", sent.Str("bodyText"));
        Assert.Contains("Best regards,<br>Maria, support team", sent.Str("bodyHtml"));
    });
}
