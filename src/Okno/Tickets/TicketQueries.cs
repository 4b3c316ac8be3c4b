using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets.CustomFields;
using Okno.Admin;
using Okno.Customers;

namespace Okno.Tickets;

/// <summary>List orders: newest first, last activity first, most urgent first (then last activity), soonest SLA due
/// time first (tickets with no SLA target counting last, oldest first).</summary>
public enum TicketSort { Created, Updated, Priority, Due }

/// <summary>Which tickets a list shows: a standard view and/or filters, all optional. Use named arguments: fields
/// are added as the workspace grows.</summary>
public sealed record TicketFilter(
    InboxView? View = null, TicketStatus? Status = null, TicketPriority? Priority = null, TicketType? Type = null,
    long? AssigneeId = null, long? GroupId = null, string? Tag = null, ChannelKind? Channel = null,
    long? CustomerId = null, long? CompanyId = null, TicketSort Sort = TicketSort.Created, string? Reference = null,
    bool SlaAtRisk = false, IReadOnlyList<CustomFieldCondition>? CustomFields = null);

/// <summary>Reads of tickets, always through <see cref="TicketAccess"/>.</summary>
public sealed class TicketQueries(OknoDb db, TicketCountCache countCache, IEnumerable<IChannelAccountKinds> accountKinds,
    IEnumerable<IMacroNames> macroNames, IEnumerable<IRuleNames> ruleNames, TimeProvider clock, IEnumerable<ITicketSla> slas,
    IEnumerable<IEscalationReasonNames> reasonNames, IEnumerable<ITicketCsat> csats)
{
    public async Task<TicketView> GetAsync(long id, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var ticket = (await TicketView.ReadAsync(db.Tickets.VisibleTo(agent).Where(t => t.Id == id), db, cancellationToken)).SingleOrDefault()
            ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", id));
        var sla = slas.FirstOrDefault() is { } source ? await source.GetAsync(id, cancellationToken) : null;
        var csat = csats.FirstOrDefault() is { } surveys ? await surveys.GetAsync(id, cancellationToken) : null;
        return ticket with { Participants = await ParticipantsAsync(id, cancellationToken), Sla = sla, Csat = csat,
            CustomFields = await CustomFieldValues.ReadAsync(db, CustomFieldEntity.Ticket, id, cancellationToken) };
    }

    /// <summary>A ticket's participants (CC), oldest first.</summary>
    internal Task<List<ParticipantView>> ParticipantsAsync(long ticketId, CancellationToken cancellationToken) =>
        db.TicketParticipants.Where(p => p.TicketId == ticketId).OrderBy(p => p.Id)
            .Select(p => new ParticipantView(p.Address, p.Name, p.AddedAt)).ToListAsync(cancellationToken);

    /// <summary>A ticket by its human number ("#10042"), or null when there is none the agent can see.</summary>
    public async Task<TicketView?> FindByNumberAsync(long number, CurrentAgent agent, CancellationToken cancellationToken) =>
        (await TicketView.ReadAsync(db.Tickets.VisibleTo(agent).Where(t => t.Number == number), db, cancellationToken)).SingleOrDefault();

    /// <summary>A ticket by the reference its customer was given (<see cref="TicketReference"/>, typed in any form), or
    /// null when there is none the agent can see.</summary>
    public async Task<TicketView?> FindByReferenceAsync(string? reference, CurrentAgent agent, CancellationToken cancellationToken) =>
        TicketReference.Normalize(reference) is { } r
            ? (await TicketView.ReadAsync(db.Tickets.VisibleTo(agent).Where(t => t.Reference == r), db, cancellationToken)).SingleOrDefault()
            : null;

    /// <summary>What a ticket is merged into, what was merged into it, and what it is linked with (only tickets the
    /// agent can see).</summary>
    public async Task<RelatedTickets> RelatedAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        // One read both checks access and gives what the ticket was merged into.
        var mergedInto = (await db.Tickets.VisibleTo(agent).Where(t => t.Id == ticketId).Select(t => new { t.MergedIntoId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId))).MergedIntoId;
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

    /// <summary>A keyset-paged list in the filter's order. The tickets of a view are the union of a few index ranges
    /// (each status of the view × each slice the agent may see); a page of each range is read and merged here, so a
    /// page costs at most (ranges × page) index rows at the millionth ticket as at the first, instead of one OR
    /// that makes the database collect and sort every matching ticket.</summary>
    public async Task<Page<TicketView>> ListAsync(TicketFilter filter, int limit, string? cursor, CurrentAgent agent,
        CancellationToken cancellationToken)
    {
        var sort = filter.Sort;
        var after = Paging.Decode(cursor, sort switch { TicketSort.Updated or TicketSort.Due => 2, TicketSort.Priority => 3, _ => 1 });
        IReadOnlyList<TicketStatus>? statuses = filter.View is { } view ? InboxViews.StatusesOf(view) : null;
        if (filter.Status is { } only) statuses = statuses is null || statuses.Contains(only) ? [only] : [];
        var ranges = InboxViews.RangesOf(filter.View, agent);
        if (statuses is { Count: 0 } || ranges.Count == 0) return new Page<TicketView>([], null);

        var query = db.Tickets.AsQueryable();
        if (filter.Priority is { } priority) query = query.Where(t => t.Priority == priority);
        if (filter.Type is { } type) query = query.Where(t => t.Type == type);
        if (filter.Channel is { } channel) query = query.Where(t => t.Channel == channel);
        if (filter.AssigneeId is { } assignee) query = query.Where(t => t.AssigneeId == assignee);
        if (filter.GroupId is { } group) query = query.Where(t => t.GroupId == group);
        if (filter.CustomerId is { } customer) query = query.Where(t => t.ContactId == customer);
        if (filter.CompanyId is { } company) query = query.Where(t => t.CompanyId == company);
        if (filter.Reference is { } reference) query = query.Where(t => t.Reference == reference);
        if (filter.SlaAtRisk)
        {
            // Overdue or at risk: a counting SLA target is past its warning threshold (the due time comes after it, so such
            // a ticket has one). The bound on the due time is what the due-order index can use: without it a status with no
            // target counting (pending: paused) was read whole to find nothing — at-risk p95 195 ms at 1M on PostgreSQL.
            var nowTicks = clock.GetUtcNow().UtcTicks;
            query = query.Where(t => t.SlaDueTicks < Ticket.NoSlaDue && t.SlaWarnTicks <= nowTicks);
        }
        foreach (var condition in filter.CustomFields ?? [])
        {
            var matches = condition.Matches(db, CustomFieldEntity.Ticket);
            query = query.Where(t => matches.Any(v => v.EntityId == t.Id));
        }
        if (filter.Tag is { } tagText)
        {
            var tag = Tag.Normalize(tagText);
            query = query.Where(t => t.Tags.Any(tt => tt.Tag.Name == tag));
        }

        // A customer's or company's tickets are few: one range over their index, statuses as a plain filter.
        var splitByStatus = filter.CustomerId is null && filter.CompanyId is null;
        var partitions = new List<IQueryable<Ticket>>();
        foreach (var range in ranges)
        {
            var inRange = query.Where(range);
            // An admin's plain "newest first" is the primary key read backwards: no split needed.
            if (!splitByStatus || (statuses is null && sort == TicketSort.Created && agent.SeesAllTickets && filter.View is null
                    && filter.GroupId is null && filter.AssigneeId is null))
                partitions.Add(statuses is null ? inRange : inRange.Where(t => statuses.Contains(t.Status)));
            else
                partitions.AddRange((statuses ?? Enum.GetValues<TicketStatus>()).Select(s => inRange.Where(t => t.Status == s)));
        }

        var pages = partitions.SelectMany(p => PagesOf(p, sort, after, limit)).ToList();
        List<TicketView> rows;
        if (pages.Count == 1)
        {
            rows = await TicketView.ReadAsync(pages[0], db, cancellationToken);
        }
        else
        {
            var keys = (await pages.Select(p => p.Select(t => new { t.Id, t.UpdatedAt, t.PriorityRank, t.SlaDueTicks }))
                    .Aggregate((a, b) => a.Concat(b)).ToListAsync(cancellationToken))
                .DistinctBy(k => k.Id);
            var ids = (sort switch
                {
                    TicketSort.Updated => keys.OrderByDescending(k => k.UpdatedAt).ThenByDescending(k => k.Id),
                    TicketSort.Priority => keys.OrderByDescending(k => k.PriorityRank).ThenByDescending(k => k.UpdatedAt).ThenByDescending(k => k.Id),
                    TicketSort.Due => keys.OrderBy(k => k.SlaDueTicks).ThenBy(k => k.Id),
                    _ => keys.OrderByDescending(k => k.Id),
                })
                .Take(limit + 1).Select(k => k.Id).ToList();
            var views = (await TicketView.ReadAsync(db.Tickets.Where(t => ids.Contains(t.Id)), db, cancellationToken)).ToDictionary(t => t.Id);
            rows = ids.Select(id => views[id]).ToList();
        }
        return sort switch
        {
            TicketSort.Updated => Paging.ToPage(rows, limit, t => Paging.Encode(t.UpdatedAt.UtcTicks, t.Id)),
            TicketSort.Priority => Paging.ToPage(rows, limit, t => Paging.Encode((int)t.Priority, t.UpdatedAt.UtcTicks, t.Id)),
            TicketSort.Due => Paging.ToPage(rows, limit, t => Paging.Encode(t.SlaDueAt?.UtcTicks ?? Ticket.NoSlaDue, t.Id)),
            _ => Paging.ToPage(rows, limit, t => Paging.Encode(t.Id)),
        };
    }

    /// <summary>The ids of the tickets a list holds, in its order, read page by page as the list itself is, at most
    /// <paramref name="cap"/>; <c>Capped</c> says there were more.</summary>
    public async Task<(IReadOnlyList<long> Ids, bool Capped)> IdsAsync(TicketFilter filter, int cap, CurrentAgent agent,
        CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(filter, Paging.MaxLimit, cursor, agent, cancellationToken);
            ids.AddRange(page.Items.Select(t => t.Id));
            cursor = page.NextCursor;
        } while (cursor is not null && ids.Count < cap);
        return (ids.Take(cap).ToList(), cursor is not null || ids.Count > cap);
    }

    /// <summary>The next page of one range as index-ordered reads that start at the cursor. A plain bound on the leading
    /// sort column goes beside the exact keyset test: only a plain comparison bounds an index scan, and without it
    /// PostgreSQL starts every page at the top of the range and filters out every row before the cursor. "Most urgent
    /// first" past a cursor is two reads — the rest of the cursor's priority, then the lower priorities — because a bound
    /// on the priority alone would still start at the top of the cursor's priority.</summary>
    private static IEnumerable<IQueryable<Ticket>> PagesOf(IQueryable<Ticket> tickets, TicketSort sort, long[]? after, int limit)
    {
        switch (sort)
        {
            case TicketSort.Updated:
                if (after is [var ticks, var lastId])
                {
                    var at = new DateTimeOffset(ticks, TimeSpan.Zero);
                    tickets = tickets.Where(t => t.UpdatedAt <= at && (t.UpdatedAt < at || (t.UpdatedAt == at && t.Id < lastId)));
                }
                yield return tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(limit + 1);
                break;
            case TicketSort.Priority:
                if (after is [var rank, var rankTicks, var rankLastId])
                {
                    var at = new DateTimeOffset(rankTicks, TimeSpan.Zero);
                    var r = (int)rank;
                    yield return ByPriority(tickets.Where(t => t.PriorityRank == r && t.UpdatedAt <= at
                        && (t.UpdatedAt < at || (t.UpdatedAt == at && t.Id < rankLastId))), limit);
                    if (r > 0) yield return ByPriority(tickets.Where(t => t.PriorityRank < r), limit);
                }
                else
                {
                    yield return ByPriority(tickets, limit);
                }
                break;
            case TicketSort.Due:
                if (after is [var dueTicks, var dueLastId])
                    tickets = tickets.Where(t => t.SlaDueTicks >= dueTicks && (t.SlaDueTicks > dueTicks || t.Id > dueLastId));
                yield return tickets.OrderBy(t => t.SlaDueTicks).ThenBy(t => t.Id).Take(limit + 1);
                break;
            default:
                if (after is [var lastSeen]) tickets = tickets.Where(t => t.Id < lastSeen);
                yield return tickets.OrderByDescending(t => t.Id).Take(limit + 1);
                break;
        }
    }

    private static IQueryable<Ticket> ByPriority(IQueryable<Ticket> tickets, int limit) =>
        tickets.OrderByDescending(t => t.PriorityRank).ThenByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(limit + 1);

    /// <summary>The live counter of every standard view for this agent, from the maintained counters.</summary>
    public async Task<IReadOnlyDictionary<InboxView, long>> ViewCountsAsync(CurrentAgent agent, CancellationToken cancellationToken) =>
        TicketCounts.ViewCounts(await countCache.BucketsAsync(cancellationToken), agent);

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
        return views.SingleOrDefault() ?? throw new OknoException(new NotFound(TicketErrorCodes.MessageNotFound, "Message", messageId));
    }

    private async Task<List<MessageView>> ProjectAsync(IQueryable<Message> messages, CancellationToken cancellationToken)
    {
        var rows = await messages
            .Select(m => new
            {
                m.Id, m.TicketId, m.Direction, m.IsInternal, m.AuthorKind, m.AuthorId, m.BodyText, m.BodyHtml, m.CreatedAt,
                m.ChannelAccountId, m.Delivery, m.DeliveryError, m.FromAddress, m.ToAddresses, m.CcAddresses, HasRaw = m.RawSha256 != null,
                m.Buttons, m.ButtonPayload,
                Attachments = m.Attachments.OrderBy(a => a.Id)
                    .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.IsInline, a.ContentId }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => (r.AuthorKind, r.AuthorId)), cancellationToken);
        var accountIds = rows.Where(r => r.ChannelAccountId is not null).Select(r => r.ChannelAccountId!.Value).Distinct().ToList();
        var kinds = new Dictionary<long, string>();
        if (accountIds.Count > 0)
            foreach (var source in accountKinds)
                foreach (var (accountId, kind) in await source.KindsAsync(accountIds, cancellationToken))
                    kinds[accountId] = kind;
        return rows.Select(m => new MessageView(m.Id, m.TicketId, m.Direction, m.IsInternal, names.Of(m.AuthorKind, m.AuthorId),
                m.BodyText, m.BodyHtml, m.CreatedAt,
                m.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, AttachmentUrls.Of(a.Id), a.Sha256,
                    a.IsInline, a.ContentId)).ToList(),
                m.ChannelAccountId, m.Delivery, m.DeliveryError,
                m.ChannelAccountId is { } account ? new MessageChannelView(account, kinds.GetValueOrDefault(account)) : null,
                m.FromAddress, AddressList(m.ToAddresses), AddressList(m.CcAddresses),
                m.HasRaw && m.Direction == MessageDirection.In ? AttachmentUrls.RawOf(m.TicketId, m.Id) : null)
            {
                Buttons = m.Buttons is null ? null : MessageButton.Read(m.Buttons), ButtonPayload = m.ButtonPayload,
            })
            .ToList();
    }

    private static List<string>? AddressList(string? joined) =>
        joined?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The SHA-256 of an incoming message's raw copy (its .eml), after the visibility check; null when it has none.</summary>
    public async Task<string?> RawOfAsync(long ticketId, long messageId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(ticketId, agent, cancellationToken);
        var row = await db.Messages.Where(m => m.TicketId == ticketId && m.Id == messageId).Select(m => new { m.RawSha256 })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(TicketErrorCodes.MessageNotFound, "Message", messageId));
        return row.RawSha256;
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
        var macroIds = rows.Where(r => r.MacroId is not null).Select(r => r.MacroId!.Value).Distinct().ToList();
        IReadOnlyDictionary<long, string> macros = macroIds.Count > 0 && macroNames.FirstOrDefault() is { } source
            ? await source.NamesAsync(macroIds, cancellationToken) : new Dictionary<long, string>();
        var reasonIds = rows.Where(r => r.ReasonId is not null).Select(r => r.ReasonId!.Value).Distinct().ToList();
        IReadOnlyDictionary<long, string> reasons = reasonIds.Count > 0 && reasonNames.FirstOrDefault() is { } reasonSource
            ? await reasonSource.NamesAsync(reasonIds, cancellationToken) : new Dictionary<long, string>();
        var views = rows.Select(e => new TicketEventView(e.Id, e.TicketVersion, e.At, names.Of(e.ActorKind, e.ActorId), e.Kind, e.Field, e.OldValue,
            e.NewValue, e.MessageId, e.MacroId is { } m ? new MacroRef(m, macros.GetValueOrDefault(m)) : null,
            e.ReasonId is { } r ? new ReasonRef(r, reasons.GetValueOrDefault(r)) : null, e.Comment, AutoAssignment.Read(e.Decision))).ToList();
        return Paging.ToPage(views, limit, e => Paging.Encode(e.Version));
    }

    public async Task EnsureVisibleAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.VisibleTo(agent).AnyAsync(t => t.Id == ticketId, cancellationToken))
            throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
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
        var ruleIds = list.Where(a => a.Kind == ActorKind.Automation).Select(a => a.Id!.Value).ToList();
        IReadOnlyDictionary<long, string> rules = ruleIds.Count > 0 && ruleNames.FirstOrDefault() is { } source
            ? await source.NamesAsync(ruleIds, cancellationToken) : new Dictionary<long, string>();
        return new ActorNames(agents, contacts, rules);
    }

    private sealed record ActorNames(Dictionary<long, string> Agents, Dictionary<long, string> Contacts, IReadOnlyDictionary<long, string> Rules)
    {
        public ActorView Of(ActorKind kind, long? id) => new(kind, id, (kind, id) switch
        {
            (ActorKind.Agent, { } a) => Agents.GetValueOrDefault(a),
            (ActorKind.Contact, { } c) => Contacts.GetValueOrDefault(c),
            (ActorKind.Automation, { } r) => Rules.GetValueOrDefault(r),
            _ => null,
        });
    }
}
