using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Admin;
using Okno.Automation.Webhooks;
using Okno.Notifications.Workspace;
using Okno.Platform.Data;
using Okno.Testing;
using Okno.Tickets.Events;

namespace Okno.IntegrationTests.Automation.Webhooks;

/// <summary>Outgoing webhooks end to end (issue 16): a ticket event becomes one signed delivery per subscription, a
/// failing endpoint is retried on the schedule and then paused with the admins told, and no delivery reaches a loopback,
/// link-local or redirected-to address unless the host is allow-listed. The sender is driven by hand
/// (<see cref="SendWebhooks.RunDueAsync"/>); its job is off.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> HandDriven(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Okno:Webhooks:RunJobs"] = "false" };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return settings;
    }

    [Theory]
    [BothDatabases]
    public async Task A_new_ticket_reaches_the_subscriber_once_signed_and_the_signature_verifies(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = OknoFactory.For(provider, HandDriven(new() { ["Okno:Notifications:BaseUrl"] = "https://help.example.com/" }));
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { name = "CRM", url = receiver.BaseUrl + "/hooks/okno", events = new[] { "ticket_created" } });
        var secret = created.Str("secret");
        var webhookId = created.GetProperty("webhook").Id();
        Assert.Equal("active", created.GetProperty("webhook").Str("state"));
        // The secret is shown once: never again in a read.
        Assert.DoesNotContain(secret, await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}")).Content.ReadAsStringAsync());
        Assert.Equal(43, secret.Length);

        var ticket = await admin.CreateTicketAsync("Printer on fire", extra: new { tags = new[] { "vip" } });
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.SubscriptionId == webhookId)), 30);
        var sender = app.Services.GetRequiredService<SendWebhooks>();
        Assert.Equal(1, await sender.RunDueAsync(CancellationToken.None));

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/hooks/okno", request.Path);
        Assert.Equal("ticket_created", request.Headers["X-Okno-Event"]);
        Assert.Equal("Okno-Webhooks/1", request.Headers["User-Agent"]);
        var timestamp = long.Parse(request.Headers["X-Okno-Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        // The receiver's check, written out as the README tells it: HMAC-SHA256 of "{timestamp}.{body}" with the secret.
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, request.Headers["X-Okno-Signature"]);

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(long.Parse(request.Headers["X-Okno-Delivery"], System.Globalization.CultureInfo.InvariantCulture), body.Id());
        Assert.Equal("ticket_created", body.Str("event"));
        var t = body.GetProperty("ticket");
        Assert.Equal(ticket.Id(), t.Id());
        Assert.Equal(ticket.GetProperty("number").GetInt64(), t.GetProperty("number").GetInt64());
        Assert.Equal("Printer on fire", t.Str("subject"));
        Assert.Equal("new", t.Str("status"));
        Assert.Equal(["vip"], t.GetProperty("tags").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal($"https://help.example.com/tickets/{ticket.Id()}", t.Str("url"));
        Assert.Equal("agent", body.GetProperty("cause").Str("kind"));

        var deliveries = await admin.GetJsonAsync($"/api/v1/webhooks/{webhookId}/deliveries");
        var sent = Assert.Single(deliveries.Items());
        Assert.Equal("sent", sent.Str("status"));
        Assert.Equal(200, sent.GetProperty("responseCode").GetInt32());

        // The event handled again (a retry after a crash, say) adds no second delivery.
        await app.WithDbAsync(async db =>
        {
            var row = await db.OutboxEvents.SingleAsync(e => e.StreamId == ticket.Id() && e.Type == TicketCreated.Type);
            await using var scope = app.Services.CreateAsyncScope();
            var scoped = scope.ServiceProvider.GetRequiredService<OknoDb>();
            var handler = scope.ServiceProvider.GetRequiredService<QueueWebhooks>();
            await scoped.WriteAsync(async ct => { await handler.HandleAsync(TicketEventOutbox.Read(row), ct); return 0; }, CancellationToken.None);
            return 0;
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == webhookId)));

        // Listening to changes too from now on: a change is a ticket_updated with what changed.
        await (await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhookId}", new { name = "CRM", url = receiver.BaseUrl + "/hooks/okno",
            events = new[] { "ticket_created", "ticket_updated" } })).JsonAsync(HttpStatusCode.OK);
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { priority = "urgent" });
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.SubscriptionId == webhookId && d.EventType == "ticket_updated")), 30);
        await sender.RunDueAsync(CancellationToken.None);
        var update = JsonDocument.Parse(receiver.Requests.Last().Body).RootElement;
        Assert.Equal("ticket_updated", update.Str("event"));
        Assert.Equal("priority", update.GetProperty("change").Str("field"));
        Assert.Equal("normal", update.GetProperty("change").Str("from"));
        Assert.Equal("urgent", update.GetProperty("change").Str("to"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_failing_endpoint_is_retried_on_the_schedule_then_paused_and_admins_are_told(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 500;
        // One delivery's seven attempts are the limit here, so its last failure also pauses the subscription.
        await using var app = OknoFactory.For(provider, HandDriven(new() { ["Okno:Webhooks:PauseAfterFailedAttempts"] = "7" }),
            services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        var webhookId = (await admin.PostJsonAsync("/api/v1/webhooks", new { name = "Flaky", url = receiver.BaseUrl + "/in", events = new[] { "ticket_created" } }))
            .GetProperty("webhook").Id();
        await admin.CreateTicketAsync("Anything");
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.SubscriptionId == webhookId)), 30);
        var sender = app.Services.GetRequiredService<SendWebhooks>();

        Assert.Equal(1, await sender.RunDueAsync(CancellationToken.None));
        foreach (var wait in WebhooksOptions.RetrySchedule)
        {
            // Not before its time…
            clock.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await sender.RunDueAsync(CancellationToken.None));
            // …then once.
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await sender.RunDueAsync(CancellationToken.None));
        }
        Assert.Equal(7, receiver.Requests.Count);
        // Every attempt carries the same delivery id, so a receiver can drop repeats.
        Assert.Single(receiver.Requests.Select(r => r.Headers["X-Okno-Delivery"]).Distinct());

        var delivery = Assert.Single((await admin.GetJsonAsync($"/api/v1/webhooks/{webhookId}/deliveries")).Items());
        Assert.Equal("failed", delivery.Str("status"));
        Assert.Equal(7, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(500, delivery.GetProperty("responseCode").GetInt32());
        Assert.Contains("500", delivery.Str("error"));
        var webhook = await admin.GetJsonAsync($"/api/v1/webhooks/{webhookId}");
        Assert.Equal("paused", webhook.Str("state"));
        Assert.Contains("7 failed attempts in a row", webhook.Str("pauseReason"));

        var bell = await app.WithDbAsync(db => db.AgentNotifications.Where(n => n.Kind == WorkspaceNotificationKinds.WebhookPaused).ToListAsync());
        var told = Assert.Single(bell);
        Assert.Equal("Flaky", told.ActorName);
        Assert.Equal("/admin/webhooks", (await admin.GetJsonAsync("/api/v1/notifications")).Items()
            .Single(i => i.Str("kind") == "webhook_paused").Str("href"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "webhook.paused" && e.Target == $"webhook:{webhookId}")));

        // Paused: a test delivery waits, put off out of the sender's scan.
        var ping = await admin.PostJsonAsync($"/api/v1/webhooks/{webhookId}/test", new { }, HttpStatusCode.OK);
        Assert.True(ping.GetProperty("nextAttemptAt").GetDateTimeOffset() > clock.GetUtcNow().AddDays(365));
        Assert.Equal(0, await sender.RunDueAsync(CancellationToken.None));
        // Resumed: what waited goes, and a working endpoint clears the failures.
        receiver.StatusCode = 204;
        var resumed = await admin.PostJsonAsync($"/api/v1/webhooks/{webhookId}/resume", new { }, HttpStatusCode.OK);
        Assert.Equal("active", resumed.Str("state"));
        Assert.Equal(1, await sender.RunDueAsync(CancellationToken.None));
        Assert.Equal("ping", receiver.Requests.Last().Headers["X-Okno-Event"]);
        await admin.PostJsonAsync($"/api/v1/webhooks/{webhookId}/resume", new { }, HttpStatusCode.Conflict);

        // The failed one is tried again on request.
        var retried = await admin.PostJsonAsync($"/api/v1/webhooks/deliveries/{delivery.Id()}/retry", new { }, HttpStatusCode.OK);
        Assert.Equal("pending", retried.Str("status"));
        Assert.Equal(1, await sender.RunDueAsync(CancellationToken.None));
        Assert.Equal("sent", (await admin.GetJsonAsync($"/api/v1/webhooks/{webhookId}/deliveries")).Items().Single(d => d.Id() == delivery.Id()).Str("status"));
        await admin.PostJsonAsync($"/api/v1/webhooks/deliveries/{delivery.Id()}/retry", new { }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_nodes_queue_each_event_once_and_send_each_delivery_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var first = OknoFactory.Postgres(HandDriven());
        await using var second = first.SecondNode();
        var admin = await first.AdminClientAsync();
        var other = await second.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        var webhookId = (await admin.PostJsonAsync("/api/v1/webhooks", new { name = "Both", url = receiver.BaseUrl + "/in", events = new[] { "ticket_created" } }))
            .GetProperty("webhook").Id();

        // Tickets made on both nodes at once; both nodes' dispatchers handle events, both senders run at once.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? admin : other).CreateTicketAsync($"Two nodes {i}")));
        await JobHelpers.UntilAsync(() => first.WithDbAsync(async db => await db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == webhookId) >= 10), 30);
        var senders = new[] { first, second, first, second }.Select(n => n.Services.GetRequiredService<SendWebhooks>()).ToList();
        await Task.WhenAll(senders.Select(s => s.RunDueAsync(CancellationToken.None)));

        var rows = await first.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.SubscriptionId == webhookId).ToListAsync());
        Assert.Equal(10, rows.Count);
        Assert.Equal(10, rows.Select(r => r.DedupeKey).Distinct().Count());
        Assert.All(rows, r => Assert.Equal((WebhookDeliveryStatus.Sent, 1), (r.Status, r.Attempts)));
        Assert.Equal(10, receiver.Requests.Count);
        Assert.Equal(rows.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            receiver.Requests.Select(r => r.Headers["X-Okno-Delivery"]).Order());
    }

    [Fact]
    public async Task With_the_job_running_a_delivery_leaves_by_itself_soon_after_the_commit()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = OknoFactory.Sqlite();
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync("/api/v1/webhooks", new { name = "Live", url = receiver.BaseUrl + "/in", events = new[] { "message_created" } });
        var ticket = await admin.CreateTicketAsync("Live one");
        var started = DateTime.UtcNow;
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Internal thought", @internal = true });
        JsonElement? Note() => receiver.Requests.Where(r => r.Headers["X-Okno-Event"] == "message_created")
            .Select(r => (JsonElement?)JsonDocument.Parse(r.Body).RootElement.GetProperty("message"))
            .FirstOrDefault(m => m!.Value.GetProperty("internal").GetBoolean());
        await JobHelpers.UntilAsync(() => Task.FromResult(Note() is not null), 20);
        var message = Note()!.Value;
        Assert.Equal("Internal thought", message.Str("text"));
        Assert.Equal("agent", message.GetProperty("author").Str("kind"));
        // Woken after the commit, not left to the job's 5-second interval (a loaded test machine gets some slack).
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4.5), $"took {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task Loopback_metadata_and_names_resolving_to_loopback_are_refused_at_connection_unless_allow_listed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = OknoFactory.Sqlite(HandDriven());
        var admin = await app.AdminClientAsync();
        var port = new Uri(receiver.BaseUrl).Port;
        var urls = new[] { receiver.BaseUrl + "/a", $"http://localhost:{port}/b", "http://169.254.169.254/latest/meta-data/", $"http://[::ffff:127.0.0.1]:{port}/c" };
        var ids = new List<long>();
        foreach (var url in urls)
        {
            // Saved without complaint: where a name leads is only known at connection time, and may change.
            var id = (await admin.PostJsonAsync("/api/v1/webhooks", new { name = url, url, events = Array.Empty<string>() })).GetProperty("webhook").Id();
            await admin.PostJsonAsync($"/api/v1/webhooks/{id}/test", new { }, HttpStatusCode.OK);
            ids.Add(id);
        }
        var sender = app.Services.GetRequiredService<SendWebhooks>();
        Assert.Equal(4, await sender.RunDueAsync(CancellationToken.None));
        Assert.Empty(receiver.Requests);
        foreach (var id in ids)
        {
            var attempt = Assert.Single((await admin.GetJsonAsync($"/api/v1/webhooks/{id}/deliveries")).Items());
            Assert.Equal("pending", attempt.Str("status"));
            Assert.Contains("not a public address", attempt.Str("error"));
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("responseCode").ValueKind);
        }

        // Allow-listing the name lets that one through, and only that one.
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "LOCALHOST." } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["localhost"], (await admin.GetJsonAsync("/api/v1/webhooks/allowed-hosts")).GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        await admin.PostJsonAsync($"/api/v1/webhooks/{ids[1]}/test", new { }, HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/v1/webhooks/{ids[0]}/test", new { }, HttpStatusCode.OK);
        Assert.Equal(2, await sender.RunDueAsync(CancellationToken.None));
        var through = Assert.Single(receiver.Requests);
        Assert.Equal("/b", through.Path);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var inside = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 302;
        receiver.Location = inside.BaseUrl.Replace("127.0.0.1", "localhost") + "/admin";
        await using var app = OknoFactory.Sqlite(HandDriven());
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        var id = (await admin.PostJsonAsync("/api/v1/webhooks", new { name = "Moved", url = receiver.BaseUrl + "/old", events = Array.Empty<string>() }))
            .GetProperty("webhook").Id();
        await admin.PostJsonAsync($"/api/v1/webhooks/{id}/test", new { }, HttpStatusCode.OK);
        Assert.Equal(1, await app.Services.GetRequiredService<SendWebhooks>().RunDueAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);
        Assert.Empty(inside.Requests);
        var attempt = Assert.Single((await admin.GetJsonAsync($"/api/v1/webhooks/{id}/deliveries")).Items());
        Assert.Equal(302, attempt.GetProperty("responseCode").GetInt32());
        Assert.Contains("redirect not followed", attempt.Str("error"));
    }

    [Fact]
    public async Task Bad_subscriptions_and_hosts_are_refused_with_codes_and_nothing_is_saved()
    {
        await using var app = OknoFactory.Sqlite(HandDriven());
        var admin = await app.AdminClientAsync();
        foreach (var (url, events) in new (string?, string[])[]
                 {
                     ("ftp://example.com/x", []), ("https://user:pass@example.com/x", []), ("/relative", []), ("javascript:alert(1)", []),
                     ("https://example.com/" + new string('a', 2000), []), (null, []), ("https://example.com/ok", ["ticket_deleted"]),
                 })
        {
            var problem = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "X", url, events })).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal("invalid_input", problem.Str("code"));
        }
        var hosts = await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "ok.example", "bad host", "<script>" } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["hosts[1]", "hosts[2]"], hosts.ErrorFields().Order());
        Assert.Empty((await admin.GetJsonAsync("/api/v1/webhooks")).Items());
        Assert.Empty((await admin.GetJsonAsync("/api/v1/webhooks/allowed-hosts")).GetProperty("hosts").EnumerateArray());
        var (_, agent) = await app.CreateAgentAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/webhooks")).StatusCode);
    }
}
