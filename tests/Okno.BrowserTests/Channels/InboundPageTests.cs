using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Okno.Channels;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

[Collection(ChromiumCollection.Name)]
public sealed class InboundPageTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_sees_a_held_item_counted_on_the_account_opens_the_inbound_list_and_releases_it() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var name = "Held log " + Guid.NewGuid().ToString("N")[..6];
        var admin = await okno.App.AdminClientAsync();
        var account = (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name, settings = new { label = "browser" } }, HttpStatusCode.Created)).Id();
        var subject = "Suspicious reply " + Guid.NewGuid().ToString("N")[..6];
        var item = await okno.App.WithDbAsync(async db =>
        {
            // Held as a threading filter would hold it (the jobs run here, so it is written held rather than processed).
            var row = new InboundItem
            {
                AccountId = account, ExternalId = "held-" + Guid.NewGuid().ToString("N"), Status = InboundStatus.Held, Sender = "stranger-1",
                Subject = subject, LastError = "Held: not in the conversation.", ReceivedAt = DateTimeOffset.UtcNow, ProcessedAt = DateTimeOffset.UtcNow,
                NextAttemptAt = DateTimeOffset.UtcNow,
                Payload = System.Text.Json.JsonSerializer.Serialize(new { from = "stranger-1", name = "Stranger", subject, text = "Let me in" }),
            };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/channels");

        var accountRow = page.Locator("#channels-table tbody tr", new() { HasText = name });
        await Expect(accountRow.Locator(".channel-held")).ToHaveAttributeAsync("data-count", "1");
        await accountRow.Locator($"#channel-inbound-{account}").ClickAsync();
        var row = page.Locator("#inbound-table tbody tr", new() { HasText = subject });
        await Expect(row.Locator(".inbound-sender")).ToHaveTextAsync("stranger-1");
        await Expect(row.Locator(".inbound-state")).ToHaveAttributeAsync("data-state", "held");
        await Expect(row.Locator(".inbound-reason")).ToContainTextAsync("not in the conversation");
        await Expect(page.Locator($"#inbound-raw-{item}")).ToHaveAttributeAsync("href", $"/admin/channels/{account}/inbound/{item}/raw");

        await page.Locator($"#inbound-release-{item}").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Released");
        await Expect(page.Locator($"#inbound-release-{item}")).ToHaveCountAsync(0);
        await tab.ScreenshotAsync();
        // The jobs run in this app: the released item becomes a message.
        await JobHelpers.UntilAsync(() => okno.App.WithDbAsync(db => db.Set<InboundItem>().AnyAsync(i => i.Id == item && i.Status == InboundStatus.Done)), seconds: 30);
        var released = await okno.App.WithDbAsync(db => db.Set<InboundItem>().SingleAsync(i => i.Id == item));
        Assert.NotNull(released.ReleasedAt);
        Assert.NotNull(released.TicketId);
    });
}
