using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Customers.Contracts;
using Okno.Platform.Data;
using Okno.Platform.Outbox;
using Okno.Platform.Text;

namespace Okno.Tickets;

/// <summary>A ticket to open, checked and ready to write: what every intake (the API's <see cref="CreateTicket"/>, the
/// help center's form, a channel's inbound pipeline, a follow-up of a closed ticket, demo data) hands to
/// <see cref="TicketCreations"/>. <see cref="Body"/> is the customer's first message. <see cref="Actor"/> is who opened
/// it; null is the customer themselves (a help-center form, a message in a channel), whose contact id is known only
/// once the contact is found or created.</summary>
public sealed record NewTicket(
    string Subject, MessageBody Body, IReadOnlyList<AttachmentIntake.Stored> Attachments, CustomerIdentity Customer,
    ChannelKind Channel, TicketPriority Priority, TicketType Type, IReadOnlyList<string> Tags, long? GroupId, long? AssigneeId, Actor? Actor)
{
    /// <summary>When the ticket was opened; null is now. Only for tickets that were opened in the past (imports, demo
    /// data), whose <see cref="AlsoWrite"/> then replays the rest of their life at its own times.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Issue 20 "objects": the object and equipment named, checked against the contact's company when it is known.</summary>
    public Customers.ServiceObjects.ObjectLink? ObjectLink { get; init; }

    /// <summary>The caller's own rows in the ticket's transaction (an inbound item marked done, a help-center visit
    /// event, an SLA policy applied, a link to the ticket this one follows up): run after the ticket, its contact
    /// and first message are saved (so <c>ticket.Id</c> is known), then saved with them; if it throws, nothing of
    /// this ticket is written. Write only through the given context and keep no state between calls: it runs again
    /// whenever its transaction is retried (a unique-key race, or a failed batch written again one ticket at a time).</summary>
    public Func<OknoDb, Ticket, CancellationToken, Task>? AlsoWrite { get; init; }
}

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

    /// <summary>A creation waiting to be written, with the operation (request) it belongs to: the writer runs for many
    /// requests at once, so the ambient operation there is not this one's.</summary>
    private sealed record Waiting(NewTicket Ticket, TaskCompletionSource<Ticket> Written, Guid? OperationId);

    /// <summary>Writes the ticket (with others that are waiting) and returns it once committed, with its contact
    /// (addresses, company) and tags loaded. Cancelling stops the wait, not the write. A caller with many tickets at
    /// hand (demo data, an import) calls this for each without awaiting in between: they are numbered in the order
    /// given and written <see cref="MaxBatch"/> to a transaction.</summary>
    public Task<Ticket> CreateAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(ticket, new TaskCompletionSource<Ticket>(TaskCreationOptions.RunContinuationsAsynchronously), Operation.Current);
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
        var batch = tickets.Select(t => new Waiting(t, new TaskCompletionSource<Ticket>(TaskCreationOptions.RunContinuationsAsynchronously), Operation.Current)).ToList();
        _ = WriteAsync(batch);
        return batch.Select(w => w.Written.Task).ToList();
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        IReadOnlyList<Ticket> written;
        try
        {
            written = await WriteTogetherAsync(batch);
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
                try { waiting.Written.TrySetResult((await WriteTogetherAsync([waiting]))[0]); }
                catch (Exception one) { waiting.Written.TrySetException(one); }
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Written.TrySetResult(written[i]);
    }

    /// <summary>Writes <paramref name="tickets"/> in one transaction (retried whole on a unique-key race) and returns
    /// them in the same order.</summary>
    private async Task<IReadOnlyList<Ticket>> WriteTogetherAsync(IReadOnlyList<Waiting> waiting)
    {
        var tickets = waiting.Select(w => w.Ticket).ToList();
        await using var db = await dbs.CreateDbContextAsync();
        var contacts = new ContactDirectory(db, clock);
        var tags = new TagCatalog(db);
        return await db.WriteAsync(async ct =>
        {
            // Whole microseconds, as PostgreSQL stores them: the answer is built from what was written and must
            // equal what a later read returns.
            var now = WholeMicroseconds(clock.GetUtcNow());
            var customers = await contacts.FindOrCreateAsync(tickets.Select(t => t.Customer).ToList(), ct);
            var numbers = await db.NextTicketNumbersAsync(tickets.Count, ct);
            var tagNames = tickets.SelectMany(t => t.Tags).ToList();
            var knownTags = tagNames.Count == 0 ? [] : (await tags.ResolveAsync(tagNames, ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
            var contracts = await ContractCandidatesAsync(db, customers, tickets.Select(t => t.At ?? now).ToList(), ct);
            var made = new List<Ticket>(tickets.Count);
            for (var i = 0; i < tickets.Count; i++)
            {
                var t = tickets[i];
                var contact = customers[i];
                var at = t.At ?? now;
                var actor = t.Actor ?? Actor.Contact(contact.Id);
                var ticket = Ticket.Create(numbers[i], t.Subject, contact, t.Channel, t.Priority, t.Type, t.GroupId, actor, at);
                var message = new Message(MessageDirection.In, false, Actor.Contact(contact.Id), t.Body.Text, t.Body.Html, at);
                message.Attachments.AddRange(t.Attachments.Select(a => a.ToAttachment()));
                ticket.AddMessage(message, at);
                if (t.Tags.Count > 0)
                    ticket.SetTags(t.Tags.Select(Tag.Normalize).Where(n => n.Length > 0).Distinct().Select(n => knownTags[n]).ToList(), actor.ForAutomaticChanges(), at);
                if (t.ObjectLink is { CompanyId: not null } link)
                {
                    link.EnsureCompany(contact.CompanyId);
                    ticket.ChangeServiceObject(link.ServiceObjectId, link.EquipmentId, actor.ForAutomaticChanges(), at);
                }
                if (t.AssigneeId is { } assignee) ticket.AssignTo(assignee, actor.ForAutomaticChanges(), at);
                // In the creation's transaction, so the SLA policy the contract grants applies from the first computation.
                if (ContractSelection.Choose(contracts, contact.CompanyId, DateOnly.FromDateTime(at.UtcDateTime), ticket.ServiceObjectId) is { } contractId)
                    ticket.LinkContract(contractId, actor.ForAutomaticChanges(), at);
                // Its events belong to the request that asked for it (see TicketEventOutbox).
                foreach (var change in ticket.History) change.OperationId = waiting[i].OperationId;
                db.Tickets.Add(ticket);
                made.Add(ticket);
            }
            await db.SaveChangesAsync(ct);
            // The callers' rows need the ticket ids, so they come after the first save: a second round trip, made only
            // by batches that have such rows.
            var alsoWrite = await Checklists.TicketChecklists.CopyTemplatesAsync(db, made, now, ct);
            for (var i = 0; i < tickets.Count; i++)
            {
                if (tickets[i].AlsoWrite is not { } write) continue;
                await write(db, made[i], ct);
                alsoWrite = true;
            }
            if (alsoWrite) await db.SaveChangesAsync(ct);
            return made;
        }, CancellationToken.None);
    }

    /// <summary>The active contracts of these customers' companies that may cover a ticket opened at one of <paramref name="at"/>
    /// (one read per batch, none without companies); <see cref="ContractSelection"/> picks each ticket's.</summary>
    private static async Task<List<ContractCandidate>> ContractCandidatesAsync(OknoDb db, IReadOnlyList<Contact> customers,
        IReadOnlyList<DateTimeOffset> at, CancellationToken ct)
    {
        var companies = customers.Select(c => c.CompanyId).OfType<long>().Distinct().ToList();
        if (companies.Count == 0) return [];
        var first = DateOnly.FromDateTime(at.Min().UtcDateTime);
        var last = DateOnly.FromDateTime(at.Max().UtcDateTime);
        return await db.Contracts.Where(c => companies.Contains(c.CompanyId) && c.IsActive && c.StartsOn <= last && (c.EndsOn == null || c.EndsOn >= first))
            .Select(c => new ContractCandidate(c.Id, c.CompanyId, c.IsActive, c.IsDefault, c.StartsOn, c.EndsOn,
                c.ServiceObjects.Select(o => o.ServiceObjectId).ToList())).ToListAsync(ct);
    }

    private static DateTimeOffset WholeMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));
}
