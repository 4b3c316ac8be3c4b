using System.Net;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Reports.Team;

[Collection(ChromiumCollection.Name)]
public sealed class TeamLivePageTests(OknoInChromium okno)
{
    [Fact]
    public Task The_supervisor_sees_an_agent_open_a_ticket_and_type_in_it() => okno.InTwoPagesAsync("en-US", async (a, b) =>
    {
        var admin = await okno.App.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Mail bounces " + Guid.NewGuid().ToString("N")[..6]);
        var email = $"agent-{Guid.NewGuid():N}@test.okno";
        var agentId = (await admin.PostJsonAsync("/api/v1/agents", new { email, name = "Pavel Team", role = "agent", password = "agent-password-1",
            groupIds = Array.Empty<long>() }, HttpStatusCode.Created)).Id();

        await a.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/reports/team");
        var row = a.Page.Locator($"#team-table .team-row[data-agent-id='{agentId}']");
        await Expect(row.Locator(".team-name")).ToHaveTextAsync("Pavel Team");
        await Expect(row.Locator(".team-ticket")).ToHaveCountAsync(0);

        await b.SignInAsync(email, "agent-password-1", $"/tickets/{ticket.Id()}");
        await Expect(row).ToHaveAttributeAsync("data-presence", "online");
        await Expect(row.Locator($".team-ticket[data-ticket-id='{ticket.Id()}']")).ToContainTextAsync("#" + ticket.GetProperty("number").GetInt64());
        await Expect(row.Locator(".team-typing")).ToHaveCountAsync(0);

        await b.Page.Locator("#reply-body").PressSequentiallyAsync("Looking at the bounce");
        await Expect(row.Locator(".team-typing")).ToHaveTextAsync("typing…");

        await b.Page.GotoAsync("/");
        await Expect(row.Locator(".team-ticket")).ToHaveCountAsync(0);
        Assert.Empty(a.Problems);
    });
}
