using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Channels.Adapters;
using Okno.Testing;
using Okno.Tickets;
using Okno.Customers;

namespace Okno.IntegrationTests.Channels;

/// <summary>The Channels skeleton on both databases: account secrets, the inbound store and pipeline, the delivery
/// queue with the log adapter. The jobs are off; each test drives the queues by hand.</summary>
public sealed class ChannelsStorageTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static OknoFactory App(string provider, Dictionary<string, string?>? settings = null) =>
        OknoFactory.For(provider, new Dictionary<string, string?>(settings ?? [])
        {
            ["Okno:Channels:RunJobs"] = "false",
        }, services => services.AddScoped<IInboundFilter, ExplodingFilter>());

    /// <summary>A step of the pipeline that fails on items whose text says "explode", after the customer was saved.</summary>
    private sealed class ExplodingFilter : IInboundFilter
    {
        public Task RunAsync(InboundContext context, CancellationToken cancellationToken) =>
            context.Message.Text.Contains("explode", StringComparison.Ordinal)
                ? throw new InvalidOperationException("The test filter exploded.")
                : Task.CompletedTask;
    }

    private static async Task<long> LogAccountAsync(HttpClient admin, object? settings = null, string name = "Log") =>
        (await admin.PostJsonAsync("/api/v1/channels", new { kind = "log", name, settings = settings ?? new { label = "test" } })).Id();

    private static RawInboundItem Item(string id, string from, string text, string? inReplyTo = null) =>
        new(id, JsonSerializer.Serialize(new { from, name = "Visitor " + from, text, inReplyTo }));

    private static Task<int> StoreAsync(OknoFactory app, long account, params RawInboundItem[] items) =>
        app.Services.GetRequiredService<InboundStore>().StoreAsync(account, items, CancellationToken.None);

    private static Task<int> ProcessAsync(OknoFactory app) => app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);

    private static Task<int> DeliverAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Account_secrets_are_stored_protected_never_returned_and_kept_when_an_update_leaves_them_out(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var created = await admin.PostJsonAsync("/api/v1/channels", new { kind = "Log", name = "Dev log", settings = new { label = "one", token = "s3cret-token-value" } });
        Assert.Equal("log", created.Str("kind"));
        Assert.True(created.GetProperty("settings").GetProperty("token").GetProperty("set").GetBoolean());
        Assert.Equal("one", created.GetProperty("settings").Str("label"));
        Assert.Equal("unknown", created.Str("health"));
        foreach (var read in new[] { await admin.GetJsonAsync($"/api/v1/channels/{created.Id()}"), (await admin.GetJsonAsync("/api/v1/channels")).Items()[0] })
            Assert.DoesNotContain("s3cret", read.GetRawText(), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Set<ChannelAccount>().Select(a => a.Settings).SingleAsync());
        Assert.DoesNotContain("s3cret", stored, StringComparison.Ordinal);
        var codec = app.Services.GetRequiredService<ChannelSettingsCodec>();
        Assert.Equal("s3cret-token-value", codec.Unprotect<LogSettings>(stored).Token);

        // An update that leaves the secret out (or sends back what the API showed) keeps it; disabling shows as health.
        var updated = await (await admin.PutAsJsonAsync($"/api/v1/channels/{created.Id()}", new
        {
            name = "Dev log", enabled = false, settings = new { label = "two", token = new { set = true } },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("disabled", updated.Str("health"));
        var after = await app.WithDbAsync(db => db.Set<ChannelAccount>().Select(a => a.Settings).SingleAsync());
        Assert.Equal(new LogSettings("two", null, "s3cret-token-value"), codec.Unprotect<LogSettings>(after));

        var bad = await (await admin.PostAsJsonAsync("/api/v1/channels", new { kind = "pigeon", name = "", settings = new { } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "name"], bad.ErrorFields().Order());
        var badSettings = await (await admin.PostAsJsonAsync("/api/v1/channels", new { kind = "log", name = "Other", settings = new { fail = "sometimes" } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["settings.fail"], badSettings.ErrorFields());
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/channels")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_item_delivered_again_is_stored_once_and_becomes_one_message(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await LogAccountAsync(admin);
        var item = Item("m-1", "visitor-1", "Принтер не печатает");

        Assert.Equal(1, await StoreAsync(app, account, item, item));
        Assert.Equal(0, await StoreAsync(app, account, item));
        Assert.Equal(1, await ProcessAsync(app));
        Assert.Equal(0, await StoreAsync(app, account, item));
        Assert.Equal(0, await ProcessAsync(app));

        var (items, tickets, messages, contact) = await app.WithDbAsync(async db => (
            await db.Set<InboundItem>().ToListAsync(),
            await db.Tickets.ToListAsync(),
            await db.Messages.ToListAsync(),
            await db.ContactExternalIds.SingleAsync()));
        var stored = Assert.Single(items);
        Assert.Equal(InboundStatus.Done, stored.Status);
        var ticket = Assert.Single(tickets);
        Assert.Equal(ChannelKind.Of("log"), ticket.Channel);
        var message = Assert.Single(messages);
        Assert.Equal((account, "m-1", MessageDirection.In), (message.ChannelAccountId!.Value, message.ExternalId!, message.Direction));
        Assert.Equal((stored.TicketId, stored.MessageId), (ticket.Id, message.Id));
        Assert.Equal(("log", "visitor-1", ticket.ContactId), (contact.Channel.Value, contact.ExternalId, contact.ContactId));

        // The same customer writing again continues their open ticket.
        await StoreAsync(app, account, Item("m-2", "visitor-1", "Всё ещё не печатает"));
        await ProcessAsync(app);
        Assert.Equal((1, 2), await app.WithDbAsync(async db => (await db.Tickets.CountAsync(), await db.Messages.CountAsync())));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_step_rolls_back_everything_the_item_wrote_and_leaves_it_pending(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Channels:InboundBackoff"] = "00:01:00" });
        var admin = await app.AdminClientAsync();
        var account = await LogAccountAsync(admin);
        await StoreAsync(app, account, Item("boom", "visitor-9", "please explode"));

        var before = DateTimeOffset.UtcNow;
        Assert.Equal(1, await ProcessAsync(app));
        var item = await app.WithDbAsync(db => db.Set<InboundItem>().SingleAsync());
        Assert.Equal((InboundStatus.Pending, 1), (item.Status, item.Attempts));
        Assert.Contains("exploded", item.LastError);
        Assert.InRange(item.NextAttemptAt, before.AddSeconds(59), DateTimeOffset.UtcNow.AddSeconds(61));
        // The customer the pipeline had already saved went with the rolled-back transaction.
        Assert.Equal((0, 0, 0), await app.WithDbAsync(async db => (await db.Contacts.CountAsync(), await db.Tickets.CountAsync(), await db.Messages.CountAsync())));
        // Not due yet: the next run leaves it alone.
        Assert.Equal(0, await ProcessAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_poison_item_is_quarantined_after_its_attempts_without_holding_up_the_items_behind_it(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Channels:InboundAttempts"] = "3", ["Okno:Channels:InboundBackoff"] = "00:00:00" });
        var admin = await app.AdminClientAsync();
        var account = await LogAccountAsync(admin);
        await StoreAsync(app, account, Item("poison", "visitor-1", "explode"), Item("good", "visitor-2", "Hello"), new RawInboundItem("garbage", "{not json"));

        await ProcessAsync(app);
        var good = await app.WithDbAsync(db => db.Set<InboundItem>().SingleAsync(i => i.ExternalId == "good"));
        Assert.Equal(InboundStatus.Done, good.Status);
        await ProcessAsync(app);
        await ProcessAsync(app);
        await ProcessAsync(app);

        var items = await app.WithDbAsync(db => db.Set<InboundItem>().OrderBy(i => i.Id).ToListAsync());
        Assert.Equal([InboundStatus.Quarantined, InboundStatus.Done, InboundStatus.Quarantined], items.Select(i => i.Status));
        Assert.Equal(3, items[0].Attempts);
        var listed = (await admin.GetJsonAsync("/api/v1/channels/inbound")).Items();
        Assert.Equal(["garbage", "poison"], listed.Select(i => i.Str("externalId")));
        Assert.Contains("exploded", listed[1].Str("lastError"));

        // An admin sends it through again: it is pending, and (still poison) counts its attempts from zero.
        await (await admin.PostAsync($"/api/v1/channels/inbound/{items[0].Id}/retry", null)).JsonAsync(HttpStatusCode.NoContent);
        var retried = await app.WithDbAsync(db => db.Set<InboundItem>().SingleAsync(i => i.Id == items[0].Id));
        Assert.Equal((InboundStatus.Pending, 0), (retried.Status, retried.Attempts));
        await admin.PostJsonAsync($"/api/v1/channels/inbound/{items[1].Id}/retry", new { }, HttpStatusCode.Conflict);
    }

    /// <summary>A conversation that came in through the log account, and the ticket it made.</summary>
    private static async Task<(long Account, long TicketId)> ConversationAsync(OknoFactory app, HttpClient admin, object? settings = null)
    {
        var account = await LogAccountAsync(admin, settings);
        await StoreAsync(app, account, Item("in-1", "visitor-7", "Where is my order?"));
        await ProcessAsync(app);
        return (account, await app.WithDbAsync(db => db.Tickets.Select(t => t.Id).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_reply_goes_back_through_the_account_of_the_conversation_and_shows_as_sent(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var (account, ticketId) = await ConversationAsync(app, admin);

        var reply = await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "It ships today." }, HttpStatusCode.Created);
        Assert.Equal("queued", reply.Str("delivery"));
        var note = await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Warehouse says Friday", @internal = true },
            HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, note.GetProperty("delivery").ValueKind);

        Assert.Equal(1, await DeliverAsync(app));
        var sent = Assert.Single(app.Services.GetRequiredService<LogChannelOutbox>().Sent, s => s.Message.MessageId == reply.Id());
        Assert.Equal(("visitor-7", "in-1", "It ships today."), (sent.Message.RecipientId, sent.Message.InReplyToExternalId, sent.Message.BodyText));
        var shown = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages")).Items().Single(m => m.Id() == reply.Id());
        Assert.Equal(("sent", account), (shown.Str("delivery"), shown.GetProperty("channelAccountId").GetInt64()));
        var (deliveries, health) = await app.WithDbAsync(async db => (
            await db.Set<ChannelDelivery>().ToListAsync(), await db.Set<ChannelAccount>().Select(a => a.LastHealth).SingleAsync()));
        var delivery = Assert.Single(deliveries);
        Assert.Equal((reply.Id(), DeliveryStatus.Sent, 1), (delivery.MessageId, delivery.Status, delivery.Attempts));
        Assert.Equal(ChannelHealth.Ok, health);
        Assert.Equal(0, await DeliverAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_ticket_that_came_through_no_channel_and_internal_notes_get_no_delivery(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("By phone", "phoned@example.com");
        var reply = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Noted" }, HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("delivery").ValueKind);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ChannelDelivery>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_send_is_retried_with_growing_waits_then_fails_with_a_note_and_can_be_retried(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Channels:DeliveryAttempts"] = "3", ["Okno:Channels:DeliveryBackoff"] = "00:00:30" });
        var admin = await app.AdminClientAsync();
        var (account, ticketId) = await ConversationAsync(app, admin, new { fail = "retryable" });
        var reply = await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Refund sent." }, HttpStatusCode.Created);

        async Task<ChannelDelivery> DeliveryAsync() => await app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().SingleAsync());
        Task DueNowAsync() => app.WithDbAsync(db => db.Set<ChannelDelivery>().ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        foreach (var (attempt, wait) in new[] { (1, 30), (2, 60) })
        {
            var before = DateTimeOffset.UtcNow;
            Assert.Equal(1, await DeliverAsync(app));
            var delivery = await DeliveryAsync();
            Assert.Equal((DeliveryStatus.Pending, attempt), (delivery.Status, delivery.Attempts));
            Assert.InRange(delivery.NextAttemptAt, before.AddSeconds(wait - 1), DateTimeOffset.UtcNow.AddSeconds(wait + 1));
            var waiting = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages")).Items().Single(m => m.Id() == reply.Id());
            Assert.Equal("queued", waiting.Str("delivery"));
            Assert.Contains("set to fail", waiting.Str("deliveryError"));
            Assert.Equal(0, await DeliverAsync(app));
            await DueNowAsync();
        }
        Assert.Equal(1, await DeliverAsync(app));
        Assert.Equal((DeliveryStatus.Failed, 3), ((await DeliveryAsync()).Status, (await DeliveryAsync()).Attempts));
        var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages")).Items();
        Assert.Equal("failed", messages.Single(m => m.Id() == reply.Id()).Str("delivery"));
        var note = messages.Last();
        Assert.True(note.GetProperty("internal").GetBoolean());
        Assert.Equal("system", note.GetProperty("author").Str("kind"));
        Assert.Contains("set to fail", note.Str("bodyText"));
        Assert.Equal("failing", (await admin.GetJsonAsync($"/api/v1/channels/{account}")).Str("health"));

        // The cause is fixed and an agent retries: it goes out.
        await (await admin.PutAsJsonAsync($"/api/v1/channels/{account}", new { name = "Log", settings = new { label = "fixed" } })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/messages/{reply.Id()}/delivery/retry", null)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("queued", (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages")).Items().Single(m => m.Id() == reply.Id()).Str("delivery"));
        Assert.Equal(1, await DeliverAsync(app));
        Assert.Equal("sent", (await admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages")).Items().Single(m => m.Id() == reply.Id()).Str("delivery"));
        await (await admin.PostAsync($"/api/v1/messages/{reply.Id()}/delivery/retry", null)).JsonAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_permanent_failure_fails_at_once(string provider)
    {
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var (_, ticketId) = await ConversationAsync(app, admin, new { fail = "permanent" });
        await admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Hi" }, HttpStatusCode.Created);
        Assert.Equal(1, await DeliverAsync(app));
        var delivery = await app.WithDbAsync(db => db.Set<ChannelDelivery>().SingleAsync());
        Assert.Equal((DeliveryStatus.Failed, 1), (delivery.Status, delivery.Attempts));
    }
}
