using System.Net;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Notifications;

[Collection(ChromiumCollection.Name)]
public sealed class BellTests(OknoInChromium okno)
{
    [Fact]
    public Task A_colleague_mentioned_in_a_note_sees_the_bell_light_up_live_and_opens_the_ticket_from_it() => okno.InTwoPagesAsync("ru-RU", async (writer, colleague) =>
    {
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var supportGroup = await admin.CreateGroupAsync();
        var otherGroup = await admin.CreateGroupAsync();
        var ticket = await admin.CreateTicketAsync("Не работает VPN " + suffix, extra: new { groupId = supportGroup });
        var colleagueName = "Зоя Упоминаева" + suffix;
        var colleagueEmail = $"zoya-{suffix}@test.okno";
        await admin.PostJsonAsync("/api/v1/agents", new { email = colleagueEmail, name = colleagueName, role = "agent", password = "agent-password-1",
            groupIds = new[] { otherGroup } }, HttpStatusCode.Created);

        await colleague.SignInAsync(colleagueEmail, "agent-password-1", "/inbox");
        await Expect(colleague.Page.Locator("#nav-bell")).ToHaveAttributeAsync("data-unread", "0");
        await writer.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{ticket.Id()}");

        await writer.Page.Locator("#note-tab").ClickAsync();
        await writer.Page.Locator("#reply-body").PressSequentiallyAsync("Посмотрите, пожалуйста, @Упом");
        await writer.Page.Locator("#mention-suggestions .mention-option", new() { HasText = colleagueName }).ClickAsync();
        await Expect(writer.Page.Locator("#reply-body")).ToHaveTextAsync($"Посмотрите, пожалуйста, @{colleagueName} ", new() { UseInnerText = true });
        await Expect(writer.Page.Locator("#mention-list")).ToContainTextAsync(colleagueName);
        await writer.Page.Locator("#reply-body").PressSequentiallyAsync("логи сервера");
        await writer.Page.Locator("#reply-send").ClickAsync();
        await Expect(writer.Page.Locator("#timeline")).ToContainTextAsync("логи сервера");

        // The colleague's bell lights up without a reload.
        await Expect(colleague.Page.Locator("#nav-bell")).ToHaveAttributeAsync("data-unread", "1");
        await colleague.Page.Locator("#nav-bell").ClickAsync();
        var item = colleague.Page.Locator("#bell-items [data-kind='mentioned']");
        await Expect(item).ToContainTextAsync($"упомянул(а) вас в заявке #{ticket.GetProperty("number").GetInt64()}");
        await Expect(item).ToContainTextAsync("Не работает VPN " + suffix);
        await colleague.ScreenshotAsync("bell");
        await item.ClickAsync();

        // The ticket is outside the colleague's groups, yet the mention lets them open it.
        await Expect(colleague.Page.Locator("#ticket-subject")).ToHaveTextAsync("Не работает VPN " + suffix);
        await Expect(colleague.Page.Locator("#nav-bell")).ToHaveAttributeAsync("data-unread", "0");
        // And follow it from there.
        await colleague.Page.Locator("#follow-toggle").ClickAsync();
        await Expect(colleague.Page.Locator("#follow-toggle")).ToHaveAttributeAsync("data-following", "true");
        Assert.Empty(writer.Problems);
        Assert.Empty(colleague.Problems);
    });
}
