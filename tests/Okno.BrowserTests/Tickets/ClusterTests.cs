using System.Net;
using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

/// <summary>Production mode in a browser: two nodes on real Kestrel, one PostgreSQL database, live updates through a
/// real Redis (scripts/test-deps). An agent's screens on one node show what happens on the other.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ClusterTests(OknoInChromium okno, ClusterTests.TwoNodes nodes) : IClassFixture<ClusterTests.TwoNodes>
{
    [Fact]
    public Task An_inbox_open_on_node_A_shows_a_ticket_created_through_node_B_without_a_reload() =>
        okno.InPageAsync("en-US", async tab =>
        {
            var apiOnB = await nodes.B.AdminClientAsync();
            await tab.SignInAsync();
            await tab.GotoInteractiveAsync("/inbox?view=all_open");
            await Expect(tab.Page.Locator("#inbox-table, #inbox-empty").First).ToBeVisibleAsync();
            var navigations = 0;
            tab.Page.FrameNavigated += (_, frame) => { if (frame == tab.Page.MainFrame) navigations++; };

            var subject = "Made on node B " + Guid.NewGuid().ToString("N")[..8];
            await apiOnB.CreateTicketAsync(subject);

            await Expect(tab.Page.Locator("#inbox-table tr.inbox-row", new() { HasText = subject })).ToBeVisibleAsync(new() { Timeout = 10_000 });
            Assert.Equal(0, navigations);
            await tab.ScreenshotAsync();
        }, baseUrl: nodes.UrlA);

    [Fact]
    public Task Agents_on_two_nodes_see_each_other_on_a_ticket_and_see_each_other_typing() =>
        okno.InTwoPagesAsync("en-US", async (onA, onB) =>
        {
            var admin = await nodes.A.AdminClientAsync();
            var ticket = await admin.CreateTicketAsync("Two nodes, one ticket " + Guid.NewGuid().ToString("N")[..6]);
            var olgaEmail = $"agent-{Guid.NewGuid():N}@test.okno";
            var olgaName = "Olga " + Guid.NewGuid().ToString("N")[..6];
            await admin.PostJsonAsync("/api/v1/agents", new { email = olgaEmail, name = olgaName, role = "agent", password = "agent-password-1",
                groupIds = Array.Empty<long>() }, HttpStatusCode.Created);

            await onA.SignInAsync(returnUrl: $"/tickets/{ticket.Id()}");
            await onB.SignInAsync(olgaEmail, "agent-password-1", $"/tickets/{ticket.Id()}");

            await Expect(onA.Page.Locator($"#ticket-viewers [data-agent-name='{olgaName}']")).ToBeVisibleAsync();
            await Expect(onB.Page.Locator("#ticket-viewers [data-agent-name='Administrator']")).ToBeVisibleAsync();

            await onB.Page.Locator("#reply-body").PressSequentiallyAsync("Looking at it from node B");
            await Expect(onA.Page.Locator("#typing-indicator")).ToHaveTextAsync($"{olgaName} is typing…");
            await onB.Page.Locator("#reply-body").FillAsync("");
            await Expect(onA.Page.Locator("#typing-indicator")).ToHaveCountAsync(0);

            await onB.Page.GotoAsync("/");
            await Expect(onA.Page.Locator($"#ticket-viewers [data-agent-name='{olgaName}']")).ToHaveCountAsync(0);
            await onA.ScreenshotAsync();
        }, firstBaseUrl: nodes.UrlA, secondBaseUrl: nodes.UrlB);

    [Fact]
    public async Task With_Redis_unreachable_the_inbox_still_opens_and_shows_this_nodes_new_tickets_live()
    {
        // A port nothing listens on: the node starts, its circuits connect and its own changes still reach its screens.
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var alone = OknoFactory.Sqlite(new() { ["Okno:Redis"] = $"127.0.0.1:{closedPort},connectTimeout=500" });
        var url = OknoInChromium.ServeOnLoopback(alone);
        await okno.InPageAsync("en-US", async tab =>
        {
            await tab.SignInAsync();
            await tab.GotoInteractiveAsync("/inbox?view=all_open");
            var subject = "Redis is away " + Guid.NewGuid().ToString("N")[..8];
            await (await alone.AdminClientAsync()).CreateTicketAsync(subject);
            await Expect(tab.Page.Locator("#inbox-table tr.inbox-row", new() { HasText = subject })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }, baseUrl: url);
    }

    /// <summary>Node A and node B of one desk, both served by Kestrel on loopback.</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        public OknoFactory A { get; } = OknoFactory.Postgres(new() { ["Okno:Redis"] = TestRedis.NewDeskConnectionString() });
        public OknoFactory B { get; private set; } = null!;
        public string UrlA { get; private set; } = "";
        public string UrlB { get; private set; } = "";

        public Task InitializeAsync()
        {
            UrlA = OknoInChromium.ServeOnLoopback(A);
            B = A.SecondNode();
            UrlB = OknoInChromium.ServeOnLoopback(B);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }
}
