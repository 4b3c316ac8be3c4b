using System.Globalization;
using Okno.Platform.Text;
using Okno.Tickets;
using Status = Okno.Tickets.TicketStatus;

namespace Okno.Bench.Generate;

/// <summary>Makes tickets with their conversation, tags and history the way Okno's domain would have recorded them
/// (see Ticket.Create/AddMessage/ChangeStatus): every change is an event with the next ticket version, an agent's
/// first public reply is the first response and opens a new ticket, a customer writing back reopens a pending one.</summary>
public sealed class TicketFactory(Reference reference, long[] tagIds, string[] tagNames, ulong seed)
{
    private const long Second = TimeSpan.TicksPerSecond;
    private const long Minute = TimeSpan.TicksPerMinute;
    private const long Hour = TimeSpan.TicksPerHour;
    private const long Day = TimeSpan.TicksPerDay;

    // Recent tickets are still being worked on; older ones are almost all done.
    private static readonly Weighted<Status> RecentStatuses = new(
        (Status.New, 30), (Status.Open, 30), (Status.Pending, 18), (Status.OnHold, 7), (Status.Resolved, 15));
    private static readonly Weighted<Status> OldStatuses = new(
        (Status.Closed, 76), (Status.Resolved, 16), (Status.Open, 2), (Status.Pending, 3), (Status.OnHold, 2), (Status.New, 1));
    private static readonly Weighted<string> Priorities = new(("Low", 20), ("Normal", 60), ("High", 15), ("Urgent", 5));

    /// <summary>Ticket.PriorityRank of a priority name, from Okno's own enum (Low 0, Normal 1, High 2, Urgent 3).</summary>
    private static int RankOf(string priority) => (int)Enum.Parse<TicketPriority>(priority);
    private static readonly Weighted<string> Types = new(("Question", 35), ("Incident", 20), ("Problem", 10), ("Request", 20),
        ("Bug", 8), ("FeatureRequest", 5), ("UnclearFeature", 2));
    // Channel kinds are lower-case words (Okno.Tickets.ChannelKind), written as the app stores them.
    private static readonly Weighted<string> Channels = new(("email", 45), ("web", 20), ("chat", 12), ("telegram", 8),
        ("phone", 8), ("api", 4), ("messenger", 3));

    // Okno's own enum and rules, so a generated history never contains a change the app would refuse.
    private static readonly string[] StatusNames = Enum.GetNames<Status>();
    private static readonly string[] StatusApiNames = ["new", "open", "pending", "on_hold", "resolved", "closed"];

    private enum Step { AgentReply, CustomerReply, FollowUp, Note }

    private readonly MessageBodies _bodies = new();
    private readonly List<(Step Kind, long Gap)> _plan = [];
    private readonly int _frequentContacts = Math.Max(1, reference.Contacts.Length / 100);

    /// <summary>Tickets [from, to) of <paramref name="total"/>, with ids continuing after <paramref name="after"/>.</summary>
    public Chunk Make(int index, long from, long to, long total, int messagesPerTicket, ResumePoint after)
    {
        var chunk = new Chunk { Index = index, FirstTicket = from };
        var ids = new IdCounters(after.MaxTicketId, after.MaxMessageId, after.MaxEventId);
        for (var i = from; i < to; i++) MakeTicket(chunk, ref ids, i, total, messagesPerTicket);
        return chunk;
    }

    /// <summary>Where the next ids continue after a chunk that was made but not yet written.</summary>
    public static ResumePoint After(Chunk chunk, ResumePoint before) => new(
        before.TicketsDone + chunk.Tickets.Count,
        chunk.Tickets.Count > 0 ? chunk.Tickets[^1].Id : before.MaxTicketId,
        chunk.Messages.Count > 0 ? chunk.Messages[^1].Id : before.MaxMessageId,
        chunk.Events.Count > 0 ? chunk.Events[^1].Id : before.MaxEventId);

    private struct IdCounters(long ticket, long message, long @event)
    {
        public long Ticket = ticket, Message = message, Event = @event;
    }

    private void MakeTicket(Chunk chunk, ref IdCounters ids, long index, long total, int messagesPerTicket)
    {
        var rng = new Rng(seed, 1_000_000UL + (ulong)index);
        var windowStart = reference.EndTicks - Reference.TicketWindow.Ticks;
        var step = (double)(Reference.TicketWindow.Ticks - Hour) / total;
        // Whole seconds, strictly increasing with the ticket index (step is about a minute at a million tickets).
        var created = RoundToSecond(windowStart + (long)((index + rng.NextDouble() * 0.9) * step));
        var age = (double)index / total;
        var target = age > 0.98 ? RecentStatuses.Pick(ref rng) : OldStatuses.Pick(ref rng);

        // A few regular customers write a fifth of all tickets.
        var contactIndex = rng.Chance(0.2) ? rng.Next(_frequentContacts) : rng.Next(reference.Contacts.Length);
        var contact = reference.Contacts[contactIndex];
        var language = contact.Russian ? Phrases.Russian : Phrases.English;
        var thing = rng.Pick(language.Things);

        var groupIndex = reference.Groups.Length > 0 && rng.Chance(0.9)
            ? (rng.Chance(0.6) ? rng.Next(Math.Max(1, reference.Groups.Length / 3)) : rng.Next(reference.Groups.Length))
            : -1;
        var groupMembers = groupIndex >= 0 ? reference.GroupMembers[groupIndex] : [];
        long PickAgent(ref Rng r) => groupMembers.Length > 0 ? groupMembers[r.Next(groupMembers.Length)] : reference.Agents[r.Next(reference.Agents.Length)].Id;
        long? assignee = rng.Chance(target == Status.New ? 0.3 : 0.76) ? PickAgent(ref rng) : null; // about 75% overall
        var replier = assignee ?? PickAgent(ref rng);
        var channel = Channels.Pick(ref rng);

        var priority = Priorities.Pick(ref rng);
        var ticket = new TicketRow
        {
            Id = ++ids.Ticket, Number = 10001 + index, Subject = Subject(string.Format(CultureInfo.InvariantCulture, rng.Pick(language.Subjects), thing)),
            Status = StatusNames[(int)target], Priority = priority, PriorityRank = RankOf(priority), Type = Types.Pick(ref rng), Channel = channel,
            ContactId = contact.Id, CompanyId = contact.CompanyId, GroupId = groupIndex >= 0 ? reference.Groups[groupIndex].Id : null,
            AssigneeId = assignee, CreatedAt = created,
        };
        chunk.Tickets.Add(ticket);

        // The plan first, with unscaled gaps; the newest tickets are squeezed so that nothing lies in the future.
        var messageCount = 1 + rng.Next(Math.Max(1, 2 * messagesPerTicket - 1));
        _plan.Clear();
        var expectAgent = true;
        for (var m = 1; m < messageCount; m++)
        {
            Step kind;
            if (target == Status.New) kind = rng.Chance(0.5) ? Step.Note : Step.FollowUp; // nobody has answered a new ticket
            else if (rng.Chance(0.15)) kind = Step.Note;
            else if (expectAgent) { kind = Step.AgentReply; expectAgent = false; }
            else { kind = Step.CustomerReply; expectAgent = true; }
            var gap = kind switch
            {
                Step.AgentReply => rng.Next(5, 8 * 60) * Minute,
                Step.CustomerReply => rng.Next(10, 2 * 24 * 60) * Minute,
                Step.FollowUp => rng.Next(60, 3 * 24 * 60) * Minute,
                _ => rng.Next(1, 120) * Minute,
            };
            _plan.Add((kind, gap));
        }
        var finalGap = rng.Next(1, 60) * Minute;
        var closeGap = rng.Next(1, 8) * Day;
        long planned = finalGap + (target == Status.Closed ? closeGap : 0);
        foreach (var s in _plan) planned += s.Gap;
        var room = reference.EndTicks - created - Minute;
        var scale = planned > room ? Math.Max(0, (double)room / planned) : 1.0;

        var state = new TicketState(ticket, ids.Event, created);
        var creator = channel is "Api" or "Phone" ? ("Agent", (long?)replier) : ("System", (long?)null);
        state.Event(chunk, created, creator, "Created", null, null, ticket.Subject);
        if (ticket.GroupId is { } g) state.Event(chunk, created, creator, "Changed", "group", null, Id(g));
        var contactActor = ("Contact", (long?)contact.Id);
        AddMessage(chunk, ref ids, state, created, "In", false, contactActor,
            FirstMessage(ref rng, language, thing, contact.Name));
        if (rng.Chance(0.3) && tagIds.Length > 0)
        {
            var count = rng.Next(1, 4);
            var picked = new SortedSet<int>();
            while (picked.Count < Math.Min(count, tagIds.Length)) picked.Add(rng.Next(tagIds.Length));
            foreach (var t in picked) chunk.Tags.Add(new TicketTagRow(ticket.Id, tagIds[t]));
            state.Event(chunk, created, creator, "Changed", "tags", "",
                string.Join(", ", picked.Select(t => tagNames[t]).Order(StringComparer.Ordinal)));
        }
        if (assignee is { } a) state.Event(chunk, created + Scaled(2 * Minute, scale), ("Agent", a), "Changed", "assignee", null, Id(a));

        var at = created + Scaled(2 * Minute, scale);
        var status = Status.New;
        var agentActor = ("Agent", (long?)replier);
        for (var p = 0; p < _plan.Count; p++)
        {
            var (kind, gap) = _plan[p];
            at += Scaled(gap, scale);
            switch (kind)
            {
                case Step.AgentReply:
                    AddMessage(chunk, ref ids, state, at, "Out", false, agentActor, AgentReply(ref rng, language, thing));
                    ticket.FirstResponseAt ??= at;
                    if (status == Status.New) status = ChangeStatus(chunk, state, at, agentActor, status, Status.Open);
                    // An agent who asked the customer something waits for the answer in "pending".
                    if (p + 1 < _plan.Count && _plan[p + 1].Kind == Step.CustomerReply && rng.Chance(0.3))
                        status = ChangeStatus(chunk, state, at + Second, agentActor, status, Status.Pending);
                    break;
                case Step.CustomerReply:
                case Step.FollowUp:
                    AddMessage(chunk, ref ids, state, at, "In", false, contactActor,
                        kind == Step.CustomerReply ? rng.Pick(language.CustomerAnswers) : rng.Pick(language.FollowUps));
                    if (status is Status.Pending or Status.Resolved) status = ChangeStatus(chunk, state, at, contactActor, status, Status.Open);
                    break;
                default:
                    var noteAuthor = ("Agent", (long?)PickAgent(ref rng));
                    AddMessage(chunk, ref ids, state, at, "Out", true, noteAuthor, rng.Pick(language.Notes));
                    break;
            }
        }

        at += Scaled(finalGap, scale);
        switch (target)
        {
            case Status.New:
                break;
            case Status.Closed:
                if (status != Status.Resolved) status = ChangeStatus(chunk, state, at, agentActor, status, Status.Resolved);
                status = ChangeStatus(chunk, state, at + Scaled(closeGap, scale), ("System", null), status, Status.Closed);
                break;
            default:
                if (status != target) status = ChangeStatus(chunk, state, at, agentActor, status, target);
                break;
        }
        if (status != target) throw new InvalidOperationException($"Ticket {ticket.Number} ended {status}, planned {target}.");
        ids.Event = state.LastEventId;
    }

    private Status ChangeStatus(Chunk chunk, TicketState state, long at, (string Kind, long? Id) actor, Status from, Status to)
    {
        if (!TicketStatusRules.CanChange(from, to)) throw new InvalidOperationException($"Okno does not allow {from} -> {to}.");
        var ticket = state.Ticket;
        if (to == Status.Resolved) ticket.ResolvedAt = at;
        else if (to == Status.Closed) { ticket.ClosedAt = at; ticket.ResolvedAt ??= at; }
        else ticket.ResolvedAt = null;
        state.Event(chunk, at, actor, "Changed", "status", StatusApiNames[(int)from], StatusApiNames[(int)to]);
        return to;
    }

    private void AddMessage(Chunk chunk, ref IdCounters ids, TicketState state, long at, string direction, bool isInternal,
        (string Kind, long? Id) author, string text)
    {
        // The same text-to-HTML conversion Okno applies to a plain-text body: encoded paragraphs in <p>.
        var body = _bodies.FromText(text);
        var message = new MessageRow
        {
            Id = ++ids.Message, TicketId = state.Ticket.Id, Direction = direction, IsInternal = isInternal, AuthorKind = author.Kind,
            AuthorId = author.Id, BodyText = body.Text, BodyHtml = body.Html, CreatedAt = at,
        };
        chunk.Messages.Add(message);
        state.Ticket.MessageCount++;
        state.Event(chunk, at, author, isInternal ? "NoteAdded" : "MessageAdded", null, null, null, message.Id);
    }

    private static string FirstMessage(ref Rng rng, Phrases.Language language, string thing, string name)
    {
        var problem = string.Format(CultureInfo.InvariantCulture, rng.Pick(language.Problems), thing);
        var detail = rng.Chance(0.7) ? " " + rng.Pick(language.Details) : "";
        return $"{rng.Pick(language.Openings)}\n\n{problem}{detail}\n\n{rng.Pick(language.Closings)}\n{name}";
    }

    private static string AgentReply(ref Rng rng, Phrases.Language language, string thing)
    {
        var reply = string.Format(CultureInfo.InvariantCulture, rng.Pick(language.AgentReplies), thing);
        var question = rng.Pick(language.AgentQuestions);
        return $"{rng.Pick(language.AgentGreetings)}\n\n{reply}{(question.Length > 0 ? " " + question : "")}\n\n{rng.Pick(language.AgentSignatures)}";
    }

    private static long Scaled(long gap, double scale) => RoundToSecond((long)(gap * scale));

    private static long RoundToSecond(long ticks) => ticks - ticks % Second;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Subject(string text)
    {
        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.Length <= Ticket.SubjectMaxLength ? text : text[..Ticket.SubjectMaxLength];
    }

    /// <summary>Version and updated-at bookkeeping of one ticket, as Ticket.Record does it.</summary>
    private sealed class TicketState(TicketRow ticket, long lastEventId, long createdAt)
    {
        public TicketRow Ticket { get; } = ticket;
        public long LastEventId { get; private set; } = lastEventId;

        public void Event(Chunk chunk, long at, (string Kind, long? Id) actor, string kind, string? field, string? oldValue,
            string? newValue, long? messageId = null)
        {
            Ticket.Version++;
            // Event times never go backwards within a ticket, even after rounding a squeezed plan.
            at = Math.Max(at, Ticket.UpdatedAt == 0 ? createdAt : Ticket.UpdatedAt);
            Ticket.UpdatedAt = at;
            chunk.Events.Add(new EventRow
            {
                Id = ++LastEventId, TicketId = Ticket.Id, TicketVersion = Ticket.Version, ActorKind = actor.Kind, ActorId = actor.Id,
                At = at, Kind = kind, Field = field, OldValue = oldValue, NewValue = newValue, MessageId = messageId,
            });
        }
    }
}
