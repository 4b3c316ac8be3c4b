using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Admin;
using Okno.Customers;
using Okno.Knowledge.HelpCenter;
using Okno.Platform.Text;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Group commit of new tickets (<see cref="TicketCreations"/>) on both databases: every acknowledged ticket
/// is there with everything written beside it, and a creation that fails in a shared transaction fails alone.</summary>
public sealed class TicketCreationsTests
{
    [Theory]
    [BothDatabases]
    public async Task Parallel_creations_are_each_committed_with_message_counter_and_search_entries(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        const int count = 64;
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            var response = await admin.PostAsJsonAsync("/api/v1/tickets", new
            {
                subject = $"Принтер {i} не печатает", body = $"Очередь печати {i} зависла", customer = new { email = $"batch-{i % 8}@example.com" },
                tags = i % 2 == 0 ? new[] { "batch", $"b{i % 3}" } : null,
            });
            return await response.JsonAsync(HttpStatusCode.Created);
        })));

        var ids = answers.Select(a => a.Id()).ToList();
        Assert.Equal(count, ids.Distinct().Count());
        Assert.Equal(count, answers.Select(a => a.GetProperty("number").GetInt64()).Distinct().Count());
        Assert.Equal(8, answers.Select(a => a.GetProperty("customer").Id()).Distinct().Count());
        var (tickets, messages, counted, subjectEntries, messageEntries) = await app.WithDbAsync(async db => (
            await db.Tickets.CountAsync(t => ids.Contains(t.Id)),
            await db.Messages.Where(m => ids.Contains(m.TicketId)).GroupBy(m => m.TicketId).CountAsync(g => g.Count() == 1),
            await db.TicketCounts.SumAsync(c => c.Delta) - await db.Tickets.LongCountAsync(),
            await db.SearchEntries.CountAsync(e => e.Kind == Ticket.SearchKind && ids.Contains(e.OwnerId)),
            await db.SearchEntries.CountAsync(e => e.Kind == Message.SearchKind && e.TicketId != null && ids.Contains(e.TicketId.Value))));
        Assert.Equal(count, tickets);
        Assert.Equal(count, messages);
        Assert.Equal(0, counted);
        Assert.Equal(count, subjectEntries);
        Assert.Equal(count, messageEntries);

        // The answer is built from what was written: it is what a read returns.
        foreach (var answer in answers.Take(6))
        {
            var read = await admin.GetJsonAsync($"/api/v1/tickets/{answer.Id()}");
            foreach (var field in new[] { "number", "subject", "status", "customer", "company", "tags", "createdAt", "updatedAt", "messageCount", "version" })
                Assert.Equal(read.GetProperty(field).GetRawText(), answer.GetProperty(field).GetRawText());
        }
        var found = await admin.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("очередь печати 7")}");
        Assert.Contains(found.Items(), i => i.GetProperty("ticket").Id() == answers[7].Id());
    }

    [Theory]
    [BothDatabases]
    public async Task A_creation_that_fails_in_a_shared_transaction_fails_alone(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var creations = app.Services.GetRequiredService<TicketCreations>();
        var body = new MessageBody("Не работает", "<p>Не работает</p>");
        NewTicket Make(string subject, long? groupId) => new(subject, body, [], CustomerIdentity.ByEmail($"{subject}@example.com"), ChannelKind.Api,
            TicketPriority.Normal, TicketType.Question, ["shared"], groupId, null, Actor.System);

        // The middle one names a group that does not exist (as if it was deleted after the request was checked).
        var results = creations.WriteBatchAsync([Make("first", null), Make("broken", 987_654), Make("third", null)]);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => results[1]);
        var written = new[] { await results[0], await results[2] };

        var (subjects, messages, entries, counted) = await app.WithDbAsync(async db => (
            await db.Tickets.OrderBy(t => t.Id).Select(t => t.Subject).ToListAsync(),
            await db.Messages.CountAsync(),
            await db.SearchEntries.CountAsync(e => e.Kind == Ticket.SearchKind),
            await db.TicketCounts.SumAsync(c => c.Delta)));
        Assert.Equal(["first", "third"], subjects);
        Assert.Equal(2, messages);
        Assert.Equal(2, entries);
        Assert.Equal(2, counted);
        Assert.All(written, t => Assert.Equal(["shared"], t.Tags.Select(tt => tt.Tag.Name)));
    }

    [Theory]
    [BothDatabases]
    public async Task A_customers_message_routed_to_a_group_credits_the_routing_to_the_system_and_only_the_message_to_the_customer(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var agentId = await app.WithDbAsync(db => db.Agents.Select(a => a.Id).FirstAsync());
        var creations = app.Services.GetRequiredService<TicketCreations>();

        // What a channel's intake hands over for a mail that arrived in a mailbox routed to a group (Actor null: the customer's own).
        var ticket = await creations.CreateAsync(new NewTicket("Не печатает", new MessageBody("Помогите", "<p>Помогите</p>"), [],
            CustomerIdentity.ByEmail("pavel@example.com", "Павел Павлов"), ChannelKind.Email, TicketPriority.Normal, TicketType.Question,
            ["принтер"], group, agentId, Actor: null), CancellationToken.None);

        var history = await app.WithDbAsync(db => db.TicketEvents.Where(e => e.TicketId == ticket.Id).OrderBy(e => e.TicketVersion)
            .Select(e => new { e.Kind, e.Field, e.ActorKind, e.ActorId }).ToListAsync());
        Assert.Equal(
            new (TicketEventKind, string?, ActorKind, long?)[]
            {
                (TicketEventKind.Created, null, ActorKind.Contact, ticket.ContactId),
                (TicketEventKind.Changed, "group", ActorKind.System, null),
                (TicketEventKind.MessageAdded, null, ActorKind.Contact, ticket.ContactId),
                (TicketEventKind.Changed, "tags", ActorKind.System, null),
                (TicketEventKind.Changed, "assignee", ActorKind.System, null),
            },
            history.Select(e => (e.Kind, e.Field, e.ActorKind, e.ActorId)));
    }

    [Theory]
    [BothDatabases]
    public async Task Rows_added_in_the_creation_transaction_roll_back_with_it_and_the_rest_of_the_batch_commits(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var creations = app.Services.GetRequiredService<TicketCreations>();
        var body = new MessageBody("Не работает", "<p>Не работает</p>");
        NewTicket Make(string subject, bool breaks) => new(subject, body, [], CustomerIdentity.ByEmail($"{subject}@example.com"), ChannelKind.Web,
            TicketPriority.Normal, TicketType.Question, [], null, null, Actor: null)
        {
            AlsoWrite = (db, ticket, _) =>
            {
                db.Add(new HelpVisitEvent { VisitId = $"visit-{subject}", Kind = HelpVisitEventKind.TicketCreated, TicketId = ticket.Id, At = ticket.CreatedAt });
                // A row that breaks a constraint (a link to a ticket that does not exist), after a good one was added.
                if (breaks) db.TicketLinks.Add(new TicketLink(ticket.Id, 987_654, null, ticket.CreatedAt));
                return Task.CompletedTask;
            },
        };

        var results = creations.WriteBatchAsync([Make("first", false), Make("broken", true), Make("third", false)]);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => results[1]);
        var written = new[] { await results[0], await results[2] };

        var (subjects, visits, contacts) = await app.WithDbAsync(async db => (
            await db.Tickets.OrderBy(t => t.Id).Select(t => t.Subject).ToListAsync(),
            await db.Set<HelpVisitEvent>().OrderBy(e => e.Id).Select(e => new { e.VisitId, e.TicketId }).ToListAsync(),
            await db.ContactEmails.Select(e => e.Address).ToListAsync()));
        Assert.Equal(["first", "third"], subjects);
        Assert.Equal([("visit-first", written[0].Id), ("visit-third", written[1].Id)], visits.Select(v => (v.VisitId, v.TicketId!.Value)));
        Assert.DoesNotContain("broken@example.com", contacts);
        // The customer opened it: the history says so, with their contact id known only after it was written.
        Assert.All(written, t => Assert.Equal((ActorKind.Contact, t.ContactId), (t.History[0].ActorKind, t.History[0].ActorId!.Value)));
    }

    [Theory]
    [BothDatabases]
    public async Task Customers_without_email_are_found_again_by_phone_or_channel_id_within_a_batch_and_across_batches(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var creations = app.Services.GetRequiredService<TicketCreations>();
        var body = new MessageBody("Алло", "<p>Алло</p>");
        NewTicket Make(CustomerIdentity customer) => new("Звонок", body, [], customer, ChannelKind.Phone,
            TicketPriority.Normal, TicketType.Question, [], null, null, Actor.System);

        var first = creations.WriteBatchAsync([
            Make(new CustomerIdentity(Phone: "+7 (999) 123-45-67")),
            Make(new CustomerIdentity(Phone: "+79991234567")),
            Make(new CustomerIdentity(ChannelId: new ChannelId(ChannelKind.Telegram, "4242"))),
            Make(new CustomerIdentity(ChannelId: new ChannelId(ChannelKind.Telegram, "4242"), Name: "Ольга")),
        ]);
        var tickets = await Task.WhenAll(first);
        Assert.Equal(tickets[0].ContactId, tickets[1].ContactId);
        Assert.Equal(tickets[2].ContactId, tickets[3].ContactId);
        Assert.NotEqual(tickets[0].ContactId, tickets[2].ContactId);
        Assert.Equal("+79991234567", tickets[0].Contact.Name);
        Assert.Equal("telegram:4242", tickets[2].Contact.Name);

        var again = await Task.WhenAll(creations.WriteBatchAsync([
            Make(new CustomerIdentity(Phone: " +7 999 123 45 67 ")),
            Make(new CustomerIdentity(Email: "olga@example.com", ChannelId: new ChannelId(ChannelKind.Telegram, " 4242 "))),
            Make(CustomerIdentity.Known(tickets[0].ContactId)),
        ]));
        Assert.Equal(tickets[0].ContactId, again[0].ContactId);
        // The channel id finds Ольга; the unchecked email is not attached to her.
        Assert.Equal(tickets[2].ContactId, again[1].ContactId);
        Assert.Equal(tickets[0].ContactId, again[2].ContactId);
        var (contacts, emails) = await app.WithDbAsync(async db => (await db.Contacts.CountAsync(), await db.ContactEmails.CountAsync()));
        Assert.Equal(2, contacts);
        Assert.Equal(0, emails);
    }
}
