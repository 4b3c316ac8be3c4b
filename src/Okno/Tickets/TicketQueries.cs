using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Tickets;

public enum TicketSort { Created, Updated }

public sealed record TicketFilter(
    TicketStatus? Status = null, long? AssigneeId = null, long? GroupId = null, long? CustomerId = null, long? CompanyId = null,
    TicketSort Sort = TicketSort.Created);

/// <summary>Reads of tickets, always through <see cref="TicketAccess"/>.</summary>
public sealed class TicketQueries(OknoDb db)
{
    public async Task<TicketView> GetAsync(long id, CurrentAgent agent, CancellationToken cancellationToken) =>
        (await TicketView.ReadAsync(db.Tickets.VisibleTo(agent).Where(t => t.Id == id), db, cancellationToken)).SingleOrDefault()
        ?? throw new OknoException(new NotFound("Ticket", id));

    /// <summary>A ticket by its human number ("#10042"), or null when there is none the agent can see.</summary>
    public async Task<TicketView?> FindByNumberAsync(long number, CurrentAgent agent, CancellationToken cancellationToken) =>
        (await TicketView.ReadAsync(db.Tickets.VisibleTo(agent).Where(t => t.Number == number), db, cancellationToken)).SingleOrDefault();

    /// <summary>What a ticket is merged into, what was merged into it, and what it is linked with (only tickets the
    /// agent can see).</summary>
    public async Task<RelatedTickets> RelatedAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var mergedInto = await db.Tickets.VisibleTo(agent).Where(t => t.Id == ticketId).Select(t => t.MergedIntoId)
            .SingleOrDefaultAsync(cancellationToken);
        if (!await db.Tickets.VisibleTo(agent).AnyAsync(t => t.Id == ticketId, cancellationToken))
            throw new OknoException(new NotFound("Ticket", ticketId));
        var visible = db.Tickets.VisibleTo(agent);
        var linkedIds = db.TicketLinks.Where(l => l.TicketId == ticketId).Select(l => l.OtherTicketId)
            .Concat(db.TicketLinks.Where(l => l.OtherTicketId == ticketId).Select(l => l.TicketId));
        var refs = await visible
            .Where(t => t.Id == mergedInto || t.MergedIntoId == ticketId || linkedIds.Contains(t.Id))
            .OrderBy(t => t.Id).Take(MaxRelated)
            .Select(t => new { Ref = new TicketRef(t.Id, t.Number, t.Subject, t.Status), t.MergedIntoId })
            .ToListAsync(cancellationToken);
        var linked = (await linkedIds.ToListAsync(cancellationToken)).ToHashSet();
        return new RelatedTickets(
            refs.FirstOrDefault(r => r.Ref.Id == mergedInto)?.Ref,
            refs.Where(r => r.MergedIntoId == ticketId).Select(r => r.Ref).ToList(),
            refs.Where(r => linked.Contains(r.Ref.Id)).Select(r => r.Ref).ToList());
    }

    /// <summary>Enough for any real ticket; a pathological one shows its first related tickets only.</summary>
    public const int MaxRelated = 200;

    /// <summary>A ticket without an access check, for answering the write that just made or changed it.</summary>
    internal async Task<TicketView> LoadAsync(long id, CancellationToken cancellationToken) =>
        (await TicketView.ReadAsync(db.Tickets.Where(t => t.Id == id), db, cancellationToken)).Single();

    /// <summary>Newest first (or most recently updated first), keyset-paged: each page is index range scans that
    /// stop after one page, as fast at the millionth ticket as at the first.</summary>
    public async Task<Page<TicketView>> ListAsync(TicketFilter filter, int limit, string? cursor, CurrentAgent agent,
        CancellationToken cancellationToken)
    {
        var query = db.Tickets.AsQueryable();
        if (filter.Status is { } status) query = query.Where(t => t.Status == status);
        if (filter.AssigneeId is { } assignee) query = query.Where(t => t.AssigneeId == assignee);
        if (filter.GroupId is { } group) query = query.Where(t => t.GroupId == group);
        if (filter.CustomerId is { } customer) query = query.Where(t => t.ContactId == customer);
        if (filter.CompanyId is { } company) query = query.Where(t => t.CompanyId == company);
        var byUpdate = filter.Sort == TicketSort.Updated;
        var after = Paging.Decode(cursor, byUpdate ? 2 : 1);

        IQueryable<Ticket> PageOf(IQueryable<Ticket> tickets)
        {
            if (byUpdate)
            {
                if (after is [var ticks, var lastId])
                {
                    var at = new DateTimeOffset(ticks, TimeSpan.Zero);
                    tickets = tickets.Where(t => t.UpdatedAt < at || (t.UpdatedAt == at && t.Id < lastId));
                }
                return tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(limit + 1);
            }
            if (after is [var lastSeen]) tickets = tickets.Where(t => t.Id < lastSeen);
            return tickets.OrderByDescending(t => t.Id).Take(limit + 1);
        }

        List<TicketView> rows;
        if (agent.SeesAllTickets)
        {
            rows = await TicketView.ReadAsync(PageOf(query), db, cancellationToken);
        }
        else
        {
            // What an agent may see is the union of a few index ranges (each of their groups, unrouted, assigned to
            // them). One OR over all of them makes a database collect and sort every visible ticket before it can
            // return a page; a page of each range, merged here, reads at most (ranges × page) rows.
            var ranges = agent.GroupIds.Select(g => query.Where(t => t.GroupId == g))
                .Append(query.Where(t => t.GroupId == null))
                .Append(query.Where(t => t.AssigneeId == agent.Id))
                .Select(range => PageOf(range).Select(t => new { t.Id, t.UpdatedAt }))
                .Aggregate((a, b) => a.Concat(b));
            var keys = (await ranges.ToListAsync(cancellationToken)).DistinctBy(k => k.Id);
            var ids = (byUpdate ? keys.OrderByDescending(k => k.UpdatedAt).ThenByDescending(k => k.Id) : keys.OrderByDescending(k => k.Id))
                .Take(limit + 1).Select(k => k.Id).ToList();
            var views = (await TicketView.ReadAsync(db.Tickets.Where(t => ids.Contains(t.Id)), db, cancellationToken))
                .ToDictionary(t => t.Id);
            rows = ids.Select(id => views[id]).ToList();
        }
        return byUpdate
            ? Paging.ToPage(rows, limit, t => Paging.Encode(t.UpdatedAt.UtcTicks, t.Id))
            : Paging.ToPage(rows, limit, t => Paging.Encode(t.Id));
    }

    /// <summary>Messages oldest first, keyset-paged by id.</summary>
    public async Task<Page<MessageView>> MessagesAsync(long ticketId, int limit, string? cursor, CurrentAgent agent,
        CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(ticketId, agent, cancellationToken);
        var query = db.Messages.Where(m => m.TicketId == ticketId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(m => m.Id > lastId);
        var views = await ProjectAsync(query.OrderBy(m => m.Id).Take(limit + 1), cancellationToken);
        return Paging.ToPage(views, limit, m => Paging.Encode(m.Id));
    }

    public async Task<MessageView> MessageAsync(long ticketId, long messageId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(ticketId, agent, cancellationToken);
        return await LoadMessageAsync(ticketId, messageId, cancellationToken);
    }

    /// <summary>A message without an access check, for answering the write that just made it.</summary>
    internal async Task<MessageView> LoadMessageAsync(long ticketId, long messageId, CancellationToken cancellationToken)
    {
        var views = await ProjectAsync(db.Messages.Where(m => m.TicketId == ticketId && m.Id == messageId), cancellationToken);
        return views.SingleOrDefault() ?? throw new OknoException(new NotFound("Message", messageId));
    }

    private async Task<List<MessageView>> ProjectAsync(IQueryable<Message> messages, CancellationToken cancellationToken)
    {
        var rows = await messages
            .Select(m => new
            {
                m.Id, m.TicketId, m.Direction, m.IsInternal, m.AuthorKind, m.AuthorId, m.BodyText, m.BodyHtml, m.CreatedAt,
                Attachments = m.Attachments.OrderBy(a => a.Id).Select(a => new { a.Id, a.FileName, a.ContentType, a.Size }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => (r.AuthorKind, r.AuthorId)), cancellationToken);
        return rows.Select(m => new MessageView(m.Id, m.TicketId, m.Direction, m.IsInternal, names.Of(m.AuthorKind, m.AuthorId),
                m.BodyText, m.BodyHtml, m.CreatedAt,
                m.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, AttachmentUrls.Of(a.Id))).ToList()))
            .ToList();
    }

    /// <summary>The ticket's history, oldest first, keyset-paged by id.</summary>
    public async Task<Page<TicketEventView>> HistoryAsync(long ticketId, int limit, string? cursor, CurrentAgent agent,
        CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(ticketId, agent, cancellationToken);
        var query = db.TicketEvents.Where(e => e.TicketId == ticketId);
        if (Paging.Decode(cursor, 1) is [var lastVersion]) query = query.Where(e => e.TicketVersion > lastVersion);
        var rows = await query.OrderBy(e => e.TicketVersion).Take(limit + 1).AsNoTracking().ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => (r.ActorKind, r.ActorId)), cancellationToken);
        var views = rows.Select(e => new TicketEventView(e.Id, e.TicketVersion, e.At, names.Of(e.ActorKind, e.ActorId), e.Kind, e.Field, e.OldValue,
            e.NewValue, e.MessageId)).ToList();
        return Paging.ToPage(views, limit, e => Paging.Encode(e.Version));
    }

    public async Task EnsureVisibleAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.VisibleTo(agent).AnyAsync(t => t.Id == ticketId, cancellationToken))
            throw new OknoException(new NotFound("Ticket", ticketId));
    }

    private async Task<ActorNames> NamesAsync(IEnumerable<(ActorKind Kind, long? Id)> actors, CancellationToken cancellationToken)
    {
        var list = actors.Where(a => a.Id is not null).Distinct().ToList();
        var agentIds = list.Where(a => a.Kind == ActorKind.Agent).Select(a => a.Id!.Value).ToList();
        var contactIds = list.Where(a => a.Kind == ActorKind.Contact).Select(a => a.Id!.Value).ToList();
        var agents = agentIds.Count == 0 ? [] : await db.Agents.Where(a => agentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var contacts = contactIds.Count == 0 ? [] : await db.Contacts.Where(c => contactIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new ActorNames(agents, contacts);
    }

    private sealed record ActorNames(Dictionary<long, string> Agents, Dictionary<long, string> Contacts)
    {
        public ActorView Of(ActorKind kind, long? id) => new(kind, id, (kind, id) switch
        {
            (ActorKind.Agent, { } a) => Agents.GetValueOrDefault(a),
            (ActorKind.Contact, { } c) => Contacts.GetValueOrDefault(c),
            _ => null,
        });
    }
}
