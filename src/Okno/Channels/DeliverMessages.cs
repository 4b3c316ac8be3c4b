using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Localization;
using Okno.Platform.Text;
using Okno.Tickets;
using Okno.Tickets.Live;
using Okno.Customers;
using Okno.Admin;

namespace Okno.Channels;

/// <summary>Works the delivery queue (replies and notifications alike): each due item is sent through its account's adapter; a failure that may pass is
/// tried again later (the wait doubles each time); after the last attempt, or a failure that will not pass, the
/// reply is marked failed and an internal note (by the system) tells the agents why.
/// <para>Several nodes may run this at once (the job, a wake-up, another node): a row is taken for one attempt by a
/// conditional UPDATE that only one node can win (<see cref="ChannelDelivery.LeaseToken"/>), and its outcome is
/// written only while that claim still holds. A node that dies mid-send leaves a lease that runs out, and the reply is
/// sent again: delivery is at least once, and adapters pass <see cref="OutboundMessage.IdempotencyKey"/> on to
/// transports that can drop a repeat.</para></summary>
public sealed class DeliverMessages(
    IServiceScopeFactory scopes, ChannelAdapters adapters, MessageBodies bodies, TimeProvider clock, IOptions<ChannelsOptions> options,
    TicketFeed feed, IStringLocalizer<Ui.ChannelStrings> strings, ILogger<DeliverMessages> logger)
{
    private const int Batch = 64;

    /// <summary>Sends what is due, a batch at a time, until nothing is; returns how many attempts were made. A batch's
    /// deliveries go out <see cref="ChannelsOptions.DeliveryParallelism"/> at once, those of one ticket one after another
    /// in order: sent one by one, each waiting for its SMTP conversation and its two transactions, a node sent ~10
    /// mails/s (bench/email.sh, 1,000 replies).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<(long Id, long? TicketId)> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
                var now = clock.GetUtcNow();
                due = (await db.Set<ChannelDelivery>()
                    .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                    .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => new { d.Id, d.TicketId }).Take(Batch).ToListAsync(cancellationToken))
                    .Select(d => (d.Id, d.TicketId)).ToList();
            }
            // One chain per ticket; a delivery of no ticket (a notification about none) is a chain of its own.
            var chains = due.GroupBy(d => d.TicketId is { } ticket ? ticket : -d.Id).Select(g => (IReadOnlyList<long>)g.Select(d => d.Id).ToList());
            var made = await OrderedChains.RunAsync(chains, options.Value.DeliveryParallelism, AttemptAsync, cancellationToken);
            attempts += made;
            if (due.Count < Batch || made == 0) break;
        }
        return attempts;
    }

    /// <summary>One attempt at one delivery, if it is due and this call wins it; false when another took it.</summary>
    public async Task<bool> AttemptAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var token = Guid.NewGuid().ToString("N");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var claimedAt = clock.GetUtcNow();
        var claimed = await db.Set<ChannelDelivery>()
            .Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= claimedAt
                && (d.LeaseUntil == null || d.LeaseUntil < claimedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseToken, token).SetProperty(d => d.LeaseUntil, claimedAt + settings.Lease), cancellationToken);
        if (claimed == 0) return false;

        var (account, outbound) = await ReadAsync(db, deliveryId, cancellationToken);
        var result = await SendAsync(scope.ServiceProvider, account, outbound, cancellationToken);
        var outcome = await RecordAsync(db, deliveryId, token, outbound, result, cancellationToken);
        if (outcome is { } o)
            feed.Publish(new TicketChange(o.TicketId, o.NoteId is null ? TicketChangeKind.Changed : TicketChangeKind.MessageAdded, o.GroupId, o.AssigneeId,
                null, o.NoteId, o.NoteId is not null));
        return true;
    }

    private static async Task<(ChannelAccount Account, OutboundMessage Message)> ReadAsync(OknoDb db, long deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<ChannelDelivery>().AsNoTracking().SingleAsync(d => d.Id == deliveryId, ct);
        var account = await db.Set<ChannelAccount>().AsNoTracking().SingleAsync(a => a.Id == delivery.AccountId, ct);
        if (delivery.Kind == DeliveryKind.Notification)
        {
            // A notification carries its own recipient and text; the ticket lends it its number (the subject token, so
            // an answer to it lands on the ticket). One to the customer also names the conversation's mails, so their
            // mail program shows "request received" or "resolved" in the thread of their request.
            if (delivery.TicketId is not { } ticketId)
                return (account, new OutboundMessage(0, 0, delivery.Subject ?? "", delivery.BodyText ?? "", delivery.BodyHtml ?? "", null, delivery.Recipient,
                    null, $"okno-delivery-{delivery.Id}")
                {
                    IsAutomatic = true,
                    Attachments = delivery.FileSha256 is { } sha ? [new OutboundAttachment(delivery.FileName ?? "file", delivery.FileContentType ?? "application/octet-stream", sha)] : [],
                });
            var ticket = await db.Tickets.Where(t => t.Id == ticketId).Select(t => new { t.Number, t.ContactId }).SingleAsync(ct);
            var recipient = delivery.Recipient?.Trim().ToLowerInvariant();
            var toCustomer = recipient is not null && await db.ContactEmails.AnyAsync(e => e.ContactId == ticket.ContactId && e.Address == recipient, ct);
            var (answered, earlier) = toCustomer ? await ThreadAsync(db, ticketId, account.Id, null, ct) : (null, []);
            return (account, new OutboundMessage(0, ticket.Number, delivery.Subject ?? "", delivery.BodyText ?? "", delivery.BodyHtml ?? "", null,
                delivery.Recipient, answered, $"okno-delivery-{delivery.Id}") { IsAutomatic = true, ThreadExternalIds = earlier });
        }
        if (delivery.Kind == DeliveryKind.Forward)
        {
            // The record names the recipients and the files; the row holds the subject and the text as forwarded.
            var record = await db.Messages.Where(m => m.Id == delivery.MessageId).Select(m => new
            {
                m.Id, m.ToAddresses, m.CcAddresses, m.Ticket.Number,
                Files = m.Attachments.OrderBy(a => a.Id).Select(a => new OutboundAttachment(a.FileName, a.ContentType, a.Sha256)).ToList(),
            }).SingleAsync(ct);
            var to = AddressList(record.ToAddresses);
            return (account, new OutboundMessage(record.Id, record.Number, delivery.Subject ?? "", delivery.BodyText ?? "", delivery.BodyHtml ?? "", null,
                to.FirstOrDefault(), null, $"okno-delivery-{delivery.Id}") { AlsoTo = to.Skip(1).ToList(), CopyTo = AddressList(record.CcAddresses), Attachments = record.Files });
        }
        var row = await db.Messages.Where(m => m.Id == delivery.MessageId).Select(m => new
        {
            m.Id, m.TicketId, m.BodyText, m.BodyHtml, m.Ticket.Number, m.Ticket.Subject, m.Ticket.ContactId, m.Buttons,
            Files = m.Attachments.OrderBy(a => a.Id).Select(a => new OutboundAttachment(a.FileName, a.ContentType, a.Sha256, a.IsInline ? a.ContentId : null)).ToList(),
        }).SingleAsync(ct);
        // The customer's id in this kind, and the message of theirs this reply answers (for threading).
        var recipientId = await db.ContactExternalIds.Where(x => x.ContactId == row.ContactId && x.Channel == account.Kind)
            .OrderByDescending(x => x.Id).Select(x => x.ExternalId).FirstOrDefaultAsync(ct);
        var recipientEmail = await db.ContactEmails.Where(e => e.ContactId == row.ContactId).OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefaultAsync(ct);
        // The conversation's participants are copied, and its earlier mails named, so every client threads the reply.
        var copyTo = await db.TicketParticipants.Where(p => p.TicketId == row.TicketId).OrderBy(p => p.Id).Select(p => p.Address).Take(50).ToListAsync(ct);
        var (inReplyTo, thread) = await ThreadAsync(db, row.TicketId, account.Id, row.Id, ct);
        return (account, new OutboundMessage(row.Id, row.Number, row.Subject, row.BodyText, row.BodyHtml, recipientId, recipientEmail, inReplyTo,
            $"okno-delivery-{delivery.Id}")
        {
            CopyTo = copyTo, ThreadExternalIds = thread, Attachments = row.Files,
            Buttons = MessageButton.Read(row.Buttons).Select(b => new OutboundButton(b.Payload, b.Label)).ToList(),
        });
    }

    /// <summary>Where a mail about the ticket belongs in its conversation on this account: the customer's latest message
    /// it answers (In-Reply-To) and the conversation's last 20 public messages, oldest first (References); only messages
    /// before <paramref name="before"/> when given.</summary>
    private static async Task<(string? Answered, List<string> Thread)> ThreadAsync(OknoDb db, long ticketId, long accountId, long? before, CancellationToken ct)
    {
        var recent = await db.Messages
            .Where(m => m.TicketId == ticketId && m.ChannelAccountId == accountId && m.ExternalId != null && !m.IsInternal && (before == null || m.Id < before))
            .OrderByDescending(m => m.Id).Select(m => new { m.ExternalId, m.Direction }).Take(20).ToListAsync(ct);
        // The customer's latest message is nearly always among them; else it is looked up on its own.
        var answered = recent.FirstOrDefault(m => m.Direction == MessageDirection.In)?.ExternalId
            ?? await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.In && m.ChannelAccountId == accountId && (before == null || m.Id < before))
                .OrderByDescending(m => m.Id).Select(m => m.ExternalId).FirstOrDefaultAsync(ct);
        return (answered, recent.Select(m => m.ExternalId!).Reverse().ToList());
    }

    private static List<string> AddressList(string? joined) =>
        joined?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];

    private async Task<DeliveryResult> SendAsync(IServiceProvider services, ChannelAccount account, OutboundMessage message, CancellationToken ct)
    {
        if (!account.IsEnabled) return DeliveryResult.Failed("The channel account is disabled.", retryable: true);
        if (adapters.Find(account.Kind) is not { } adapter)
            return DeliveryResult.Failed($"No adapter for the channel kind '{account.Kind}' is installed.", retryable: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.SendTimeout);
        try
        {
            return await adapter.SendAsync(services, account, message, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryResult.Failed($"Sending took longer than {options.Value.SendTimeout.TotalSeconds:0} s.", retryable: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An adapter that throws met something unexpected (a network error, a bug); trying again may help.
            logger.LogWarning(e, "Channel account {Account} ({Kind}) failed to send message {Message}", account.Id, account.Kind, message.MessageId);
            return DeliveryResult.Failed($"{e.GetType().Name}: {e.Message}", retryable: true);
        }
    }

    private sealed record Outcome(long TicketId, long? GroupId, long? AssigneeId, long? NoteId);

    private async Task<Outcome?> RecordAsync(OknoDb db, long deliveryId, string token, OutboundMessage sent, DeliveryResult result, CancellationToken ct)
    {
        var settings = options.Value;
        db.ChangeTracker.Clear();
        try
        {
            return await db.WriteAsync(async ct2 =>
            {
                var now = clock.GetUtcNow();
                var delivery = await db.Set<ChannelDelivery>().Include(d => d.Message).SingleAsync(d => d.Id == deliveryId, ct2);
                // Another node took the row over (this one was slower than its lease): its attempt counts, not ours.
                if (delivery.LeaseToken != token || delivery.Status != DeliveryStatus.Pending) return null;
                var account = await db.Set<ChannelAccount>().SingleAsync(a => a.Id == delivery.AccountId, ct2);
                // A notification has no message: its state is the row's alone, and a failure writes no note on the ticket.
                var message = delivery.Message;
                if (delivery.Kind == DeliveryKind.Reply && (sent.RecipientEmail ?? sent.RecipientId) is { } recipient)
                    delivery.Recipient = ChannelDelivery.NormalRecipient(recipient);
                delivery.Attempts++;
                delivery.LeaseToken = null;
                delivery.LeaseUntil = null;
                Message? note = null;
                if (result.IsSent)
                {
                    delivery.Status = DeliveryStatus.Sent;
                    delivery.SentAt = now;
                    delivery.LastError = null;
                    message?.Delivered(result.ExternalId);
                    account.Succeeded(now);
                }
                else
                {
                    var reason = result.Reason ?? "The channel gave no reason.";
                    delivery.LastError = reason.Length <= Message.DeliveryErrorMaxLength ? reason : reason[..Message.DeliveryErrorMaxLength];
                    account.Failed(reason, now);
                    if (result.Retryable && delivery.Attempts < settings.DeliveryAttempts)
                    {
                        delivery.NextAttemptAt = now + (result.RetryAfter ?? settings.Backoff(settings.DeliveryBackoff, delivery.Attempts));
                        message?.DeliveryDelayed(reason);
                    }
                    else
                    {
                        delivery.Status = DeliveryStatus.Failed;
                        if (message is not null)
                        {
                            message.DeliveryFailed(reason);
                            note = await NoteFailureAsync(db, message, account, delivery.Attempts, reason, now,
                                delivery.Kind == DeliveryKind.Forward ? "ForwardFailedNote" : "DeliveryFailedNote", ct2);
                        }
                    }
                }
                await db.SaveChangesAsync(ct2);
                if (message is null) return null;
                var ticket = await db.Tickets.Where(t => t.Id == message.TicketId).Select(t => new { t.GroupId, t.AssigneeId }).SingleAsync(ct2);
                return new Outcome(message.TicketId, ticket.GroupId, ticket.AssigneeId, note?.Id);
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The send happened (or not) but its record failed: the lease runs out and the attempt is made again.
            logger.LogError(e, "Recording the outcome of delivery {Delivery} failed", deliveryId);
            return null;
        }
    }

    /// <summary>The internal note that tells agents a reply did not reach the customer (or a forward its recipients), in the language of the agent who
    /// wrote it. A closed ticket takes no note; the reply's own state still says it failed.</summary>
    private async Task<Message?> NoteFailureAsync(OknoDb db, Message reply, ChannelAccount account, int attempts, string reason,
        DateTimeOffset now, string noteName, CancellationToken ct)
    {
        await db.LockTicketAsync(reply.TicketId, ct);
        var ticket = await db.Tickets.SingleAsync(t => t.Id == reply.TicketId, ct);
        if (ticket.Status == TicketStatus.Closed) return null;
        var language = reply.AuthorKind == ActorKind.Agent && reply.AuthorId is { } agentId
            ? await db.Agents.Where(a => a.Id == agentId).Select(a => a.Language).SingleOrDefaultAsync(ct)
            : null;
        string text = InCulture.Read(CultureInfo.GetCultureInfo(language ?? "en"), () => strings[noteName, account.Name, attempts, reason]);
        var body = bodies.FromText(text);
        var note = new Message(MessageDirection.Out, true, Actor.System, body.Text, body.Html, now);
        ticket.AddMessage(note, now);
        return note;
    }
}
