using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Text;

namespace Okno.Tickets;

/// <summary>A ticket to open, checked and ready to write: what <see cref="CreateTicket"/> hands to <see cref="TicketCreations"/>.</summary>
public sealed record NewTicket(
    string Subject, MessageBody Body, IReadOnlyList<AttachmentIntake.Stored> Attachments, string CustomerEmail, string? CustomerName,
    ChannelKind Channel, TicketPriority Priority, TicketType Type, IReadOnlyList<string> Tags, long? GroupId, long? AssigneeId, Actor Actor);

/// <summary>Group commit for new tickets. Creations that arrive while one transaction is being written wait and are
/// then written together, up to <see cref="MaxBatch"/> in one transaction: one read of their contacts, one of their
/// numbers and tags, one batched save (tickets, messages, history, counters, search entries), one commit. Under
/// load a creation thus costs a share of a dozen round trips instead of a dozen; alone it is written at once.
/// Each creation is answered only after its transaction committed. If a transaction of several fails, each of its
/// creations is written again on its own, so one bad creation fails alone.</summary>
public sealed class TicketCreations(IDbContextFactory<OknoDb> dbs, TimeProvider clock, ILogger<TicketCreations> logger)
{
    public const int MaxBatch = 64;

    private readonly ConcurrentQueue<Waiting> _queue = new();
    private int _writing;

    private sealed record Waiting(NewTicket Ticket, TaskCompletionSource<Ticket> Written);

    /// <summary>Writes the ticket (with others that are waiting) and returns it once committed, with its contact
    /// (addresses, company) and tags loaded. Cancelling stops the wait, not the write.</summary>
    public Task<Ticket> CreateAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(ticket, new TaskCompletionSource<Ticket>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(waiting);
        // Whoever finds nobody writing becomes the writer until the queue is empty.
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0) _ = Task.Run(DrainAsync, CancellationToken.None);
        return waiting.Written.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Waiting>();
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Interlocked.Exchange(ref _writing, 0);
                // A creation queued after the last look but before the flag dropped found a writer and started none.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
                continue;
            }
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                // WriteAsync answers every creation itself; this only keeps the writer alive if that ever breaks.
                foreach (var waiting in batch) waiting.Written.TrySetException(e);
            }
        }
    }

    /// <summary>Writes exactly these tickets as one batch (falling back to one by one if it fails) and gives each
    /// one's outcome. For tests that need a given batch; requests go through <see cref="CreateAsync"/>.</summary>
    internal IReadOnlyList<Task<Ticket>> WriteBatchAsync(IReadOnlyList<NewTicket> tickets)
    {
        var batch = tickets.Select(t => new Waiting(t, new TaskCompletionSource<Ticket>(TaskCreationOptions.RunContinuationsAsynchronously))).ToList();
        _ = WriteAsync(batch);
        return batch.Select(w => w.Written.Task).ToList();
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        IReadOnlyList<Ticket> written;
        try
        {
            written = await WriteTogetherAsync(batch.Select(w => w.Ticket).ToList());
        }
        catch (Exception e)
        {
            if (batch.Count == 1)
            {
                batch[0].Written.TrySetException(e);
                return;
            }
            logger.LogInformation(e, "Writing {Count} new tickets together failed; writing each on its own", batch.Count);
            foreach (var waiting in batch)
            {
                try { waiting.Written.TrySetResult((await WriteTogetherAsync([waiting.Ticket]))[0]); }
                catch (Exception one) { waiting.Written.TrySetException(one); }
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Written.TrySetResult(written[i]);
    }

    /// <summary>Writes <paramref name="tickets"/> in one transaction (retried whole on a unique-key race) and returns
    /// them in the same order.</summary>
    private async Task<IReadOnlyList<Ticket>> WriteTogetherAsync(IReadOnlyList<NewTicket> tickets)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var contacts = new ContactDirectory(db, clock);
        var tags = new TagCatalog(db);
        return await db.WriteAsync(async ct =>
        {
            // Whole microseconds, as PostgreSQL stores them: the answer is built from what was written and must
            // equal what a later read returns.
            var now = WholeMicroseconds(clock.GetUtcNow());
            var customers = await contacts.FindOrCreateByEmailsAsync(tickets.Select(t => (t.CustomerEmail, t.CustomerName)).ToList(), ct);
            var numbers = await db.NextTicketNumbersAsync(tickets.Count, ct);
            var tagNames = tickets.SelectMany(t => t.Tags).ToList();
            var knownTags = tagNames.Count == 0 ? [] : (await tags.ResolveAsync(tagNames, ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
            var made = new List<Ticket>(tickets.Count);
            for (var i = 0; i < tickets.Count; i++)
            {
                var t = tickets[i];
                var contact = customers[ContactEmail.Normalize(t.CustomerEmail)];
                var ticket = Ticket.Create(numbers[i], t.Subject, contact, t.Channel, t.Priority, t.Type, t.GroupId, t.Actor, now);
                var message = new Message(MessageDirection.In, false, Actor.Contact(contact.Id), t.Body.Text, t.Body.Html, now);
                message.Attachments.AddRange(t.Attachments.Select(a => a.ToAttachment()));
                ticket.AddMessage(message, now);
                if (t.Tags.Count > 0)
                    ticket.SetTags(t.Tags.Select(Tag.Normalize).Where(n => n.Length > 0).Distinct().Select(n => knownTags[n]).ToList(), t.Actor, now);
                if (t.AssigneeId is { } assignee) ticket.AssignTo(assignee, t.Actor, now);
                db.Tickets.Add(ticket);
                made.Add(ticket);
            }
            await db.SaveChangesAsync(ct);
            return made;
        }, CancellationToken.None);
    }

    private static DateTimeOffset WholeMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));
}
