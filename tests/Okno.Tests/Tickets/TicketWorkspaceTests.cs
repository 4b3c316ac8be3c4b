using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Live;
using Okno.Tickets.Ui;

namespace Okno.Tests.Tickets;

/// <summary>What the ticket page reads and merges, and the live signals it listens to.</summary>
public sealed class TicketWorkspaceTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timeline_interleaves_messages_and_changes_by_time_and_shows_each_message_once()
    {
        var customer = Message(5, T0, MessageDirection.In);
        var reply = Message(9, T0.AddMinutes(5), MessageDirection.Out);
        var note = Message(12, T0.AddMinutes(7), MessageDirection.Out, isInternal: true);
        var events = new[]
        {
            Event(1, T0, TicketEventKind.Created),
            Event(2, T0, TicketEventKind.MessageAdded, messageId: 5),
            Event(3, T0, TicketEventKind.Changed, "tags"),
            // A reply and the status change it causes happen in the same instant: the version orders them.
            Event(5, T0.AddMinutes(5), TicketEventKind.Changed, "status"),
            Event(4, T0.AddMinutes(5), TicketEventKind.MessageAdded, messageId: 9),
            Event(6, T0.AddMinutes(7), TicketEventKind.NoteAdded, messageId: 12),
            Event(7, T0.AddMinutes(9), TicketEventKind.Changed, "priority"),
        };
        var merged = new[] { (10077L, Message(3, T0.AddMinutes(6), MessageDirection.In)) };

        var items = Timeline.Build([note, reply, customer], events, merged);

        Assert.Equal(["e:1", "m:5", "e:3", "m:9", "e:5", "m:3@10077", "m:12", "e:7"], items.Select(Describe));
    }

    [Theory]
    [InlineData("10023", 10023L)]
    [InlineData(" #10023 ", 10023L)]
    [InlineData("# 7", 7L)]
    [InlineData("", null)]
    [InlineData("abc", null)]
    [InlineData("-5", null)]
    [InlineData("0", null)]
    [InlineData("1e3", null)]
    public void Ticket_numbers_are_read_as_agents_type_them(string text, long? expected) => Assert.Equal(expected, TicketNumbers.Parse(text));

    [Fact]
    public void Empty_ticket_gives_an_empty_timeline() => Assert.Empty(Timeline.Build([], []));

    [Fact]
    public async Task Typing_fades_by_itself_and_everyone_watching_is_told()
    {
        var clock = new FakeTimeProvider(T0);
        var presence = new TicketPresence(clock);
        var raised = new List<long>();
        using var subscription = presence.Subscribe(raised.Add);
        using var olga = presence.Join(7, 1, "Olga");
        using var ivan = presence.Join(7, 2, "Ivan");
        Assert.Equal(["Ivan", "Olga"], presence.ViewersOf(7).Select(v => v.Name));
        raised.Clear();

        olga.Typed();
        olga.Typed();   // already typing: no second signal
        Assert.Equal([7L], raised);
        Assert.True(presence.ViewersOf(7).Single(v => v.Name == "Olga").Typing);
        Assert.False(presence.ViewersOf(7).Single(v => v.Name == "Ivan").Typing);

        clock.Advance(TicketPresence.TypingFadesAfter + TimeSpan.FromSeconds(2));
        await Task.Yield();
        Assert.False(presence.ViewersOf(7).Single(v => v.Name == "Olga").Typing);
        Assert.Equal([7L, 7L], raised);

        olga.Typed();
        olga.StoppedTyping();
        Assert.False(presence.ViewersOf(7).Single(v => v.Name == "Olga").Typing);
        ivan.Dispose();
        Assert.Equal(["Olga"], presence.ViewersOf(7).Select(v => v.Name));
        Assert.Empty(presence.ViewersOf(8));
    }

    [Fact]
    public async Task A_viewer_whose_browser_stopped_its_heartbeat_fades_within_half_a_minute_and_everyone_is_told()
    {
        var clock = new FakeTimeProvider(T0);
        using var presence = new TicketPresence(clock);
        var raised = new List<long>();
        using var subscription = presence.Subscribe(raised.Add);
        using var olga = presence.Join(7, 1, "Olga");
        using var ivan = presence.Join(7, 2, "Ivan");
        raised.Clear();

        // Olga's browser dies after its first heartbeat; Ivan's beats every 10 s. One missed beat is not death yet.
        olga.StillHere();
        for (var second = 0; second < 20; second += 5)
        {
            if (second % 10 == 0) ivan.StillHere();
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }
        Assert.Equal(["Ivan", "Olga"], presence.ViewersOf(7).Select(v => v.Name));
        Assert.Empty(raised);

        for (var second = 20; second < 30; second += 5)
        {
            if (second % 10 == 0) ivan.StillHere();
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }
        Assert.Equal(["Ivan"], presence.ViewersOf(7).Select(v => v.Name));
        Assert.Equal([7L], raised);

        // Her connection came back: the next heartbeat shows her again, and everyone is told.
        olga.StillHere();
        Assert.Equal(["Ivan", "Olga"], presence.ViewersOf(7).Select(v => v.Name));
        Assert.Equal([7L, 7L], raised);

        // A heartbeat that arrives after the screen was closed brings nothing back.
        olga.Dispose();
        olga.StillHere();
        Assert.Equal(["Ivan"], presence.ViewersOf(7).Select(v => v.Name));
    }

    [Fact]
    public async Task Creating_replying_and_changing_are_published_to_the_feed_after_they_are_committed()
    {
        var feed = okno.App.Services.GetRequiredService<TicketFeed>();
        var seen = new List<TicketChange>();
        using var subscription = feed.Subscribe(change => { lock (seen) seen.Add(change); });

        var ticket = await okno.Admin.CreateTicketAsync("Feed " + Guid.NewGuid().ToString("N")[..6]);
        var note = await okno.Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "A note", @internal = true });
        await okno.Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { priority = "high" });

        // The feed is told by an event handler after commit, so shortly after the answers, not before them.
        List<TicketChange> Mine() { lock (seen) return seen.Where(c => c.TicketId == ticket.Id()).ToList(); }
        await JobHelpers.UntilAsync(() => Task.FromResult(Mine().Count >= 3), seconds: 10);
        await Task.Delay(100);   // a duplicate would have arrived by now
        var mine = Mine();
        Assert.Equal([TicketChangeKind.Created, TicketChangeKind.MessageAdded, TicketChangeKind.Changed], mine.Select(c => c.Kind));
        Assert.Equal(note.Id(), mine[1].MessageId);
        Assert.True(mine[1].InternalNote);
        var adminId = await AdminIdAsync();
        Assert.All(mine, c => Assert.Equal(adminId, c.ActorAgentId));
    }

    [Fact]
    public async Task Workspace_reads_every_page_up_to_the_cap_and_finds_messages_newer_than_a_draft()
    {
        var ticket = await okno.Admin.CreateTicketAsync("Long thread " + Guid.NewGuid().ToString("N")[..6]);
        long? fifth = null;
        for (var i = 1; i <= 104; i++)
        {
            var m = await okno.Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = $"Note {i}", @internal = true });
            if (i == 100) fifth = m.Id();
        }
        var admin = await AdminAsync();

        var all = await Read(q => TicketWorkspace.ReadAsync(q, ticket.Id(), admin, 1000, CancellationToken.None));
        Assert.Equal(105, all.Messages.Count);
        Assert.False(all.MoreMessages);
        Assert.Equal(all.Messages.Max(m => m.Id), all.NewestMessageId);
        Assert.Equal(all.Messages.OrderBy(m => m.Id).Select(m => m.Id), all.Messages.Select(m => m.Id));
        Assert.Equal(105 + 1, all.History.Count);   // created + one per message

        var capped = await Read(q => TicketWorkspace.ReadAsync(q, ticket.Id(), admin, 100, CancellationToken.None));
        Assert.Equal(100, capped.Messages.Count);
        Assert.True(capped.MoreMessages);

        var newer = await Read(q => TicketWorkspace.NewerMessagesAsync(q, ticket.Id(), fifth!.Value, admin, CancellationToken.None));
        Assert.Equal(["Note 101", "Note 102", "Note 103", "Note 104"], newer.Select(m => m.BodyText));
    }

    [Fact]
    public async Task Contact_card_has_every_address_and_the_company_and_a_missing_contact_is_not_found()
    {
        var company = await okno.Admin.PostJsonAsync("/api/v1/companies", new { name = "Romashka", domain = $"r{Guid.NewGuid():N}.example" });
        var contact = await okno.Admin.PostJsonAsync("/api/v1/contacts", new
        {
            name = "Anna Ivanova",
            companyId = company.Id(),
            emails = new[] { $"anna-{Guid.NewGuid():N}@example.com", $"a.ivanova-{Guid.NewGuid():N}@example.com" },
            phones = new[] { "+7 (495) 123-45-67" },
            externalIds = new[] { new { channel = "telegram", externalId = Guid.NewGuid().ToString("N")[..10] } },
        });

        var card = await okno.App.WithDbAsync(db => new ContactCards(db).GetAsync(contact.Id(), CancellationToken.None));

        Assert.Equal("Anna Ivanova", card.Name);
        Assert.Equal(2, card.Emails.Count);
        Assert.Equal(["+74951234567"], card.Phones);
        Assert.Equal("telegram", Assert.Single(card.ExternalIds).Channel);
        Assert.Equal("Romashka", card.Company!.Name);
        Assert.StartsWith("r", card.Company.Domain);
        var missing = await Assert.ThrowsAsync<OknoException>(() =>
            okno.App.WithDbAsync(db => new ContactCards(db).GetAsync(987654321, CancellationToken.None)));
        Assert.IsType<NotFound>(missing.Error);
    }

    private async Task<T> Read<T>(Func<TicketQueries, Task<T>> read)
    {
        await using var scope = okno.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TicketQueries>());
    }

    private async Task<long> AdminIdAsync() => (await AdminAsync()).Id;

    private async Task<CurrentAgent> AdminAsync() => await okno.App.WithDbAsync(async db =>
    {
        var admin = await db.Agents.SingleAsync(a => a.Email == OknoFactory.AdminEmail);
        return new CurrentAgent(admin.Id, admin.Email, admin.Name, AgentRole.Admin, []);
    });

    private static string Describe(TimelineItem item) => item switch
    {
        TimelineMessage { FromTicketNumber: { } from } m => $"m:{m.Message.Id}@{from}",
        TimelineMessage m => $"m:{m.Message.Id}",
        TimelineEvent e => $"e:{e.Event.Version}",
        _ => "?",
    };

    private static MessageView Message(long id, DateTimeOffset at, MessageDirection direction, bool isInternal = false) =>
        new(id, 1, direction, isInternal, new ActorView(ActorKind.Agent, 1, "Olga"), $"Message {id}", $"<p>Message {id}</p>", at, []);

    private static TicketEventView Event(long version, DateTimeOffset at, TicketEventKind kind, string? field = null, long? messageId = null) =>
        new(version * 10, version, at, new ActorView(ActorKind.Agent, 1, "Olga"), kind, field, "a", "b", messageId);
}
