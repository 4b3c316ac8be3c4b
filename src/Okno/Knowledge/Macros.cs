using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Customers;
using Okno.Admin;

namespace Okno.Knowledge;

public sealed record MacroRequest(string? Name, string? Body, bool? Shared, MacroActions? Actions = null);

/// <summary>What applying a macro changes on the ticket (any left out: unchanged). <c>assignToMe</c> assigns to whoever
/// applies it and wins over <c>assigneeId</c>; <c>addTags</c> adds, never removes.</summary>
public sealed record MacroActions(TicketStatus? Status = null, TicketPriority? Priority = null, long? GroupId = null, long? AssigneeId = null,
    bool AssignToMe = false, List<string?>? AddTags = null)
{
    public bool Any => Status is not null || Priority is not null || GroupId is not null || AssigneeId is not null || AssignToMe || AddTags is { Count: > 0 };
}

public sealed record MacroView(long Id, string Name, string Body, bool Shared, long? OwnerId, DateTimeOffset UpdatedAt, MacroActions Actions);

/// <summary>A macro applied to a ticket: the ticket as changed (unchanged when the macro only inserts text) and the text
/// filled for it, for the reply editor.</summary>
public sealed record AppliedMacro(TicketView Ticket, MacroPreview Text);

/// <summary>A macro filled for a ticket: <see cref="Text"/> is what goes into the reply; <see cref="Html"/> is the same text
/// escaped for display (values never become markup).</summary>
public sealed record MacroPreview(long MacroId, long TicketId, string Text, string Html);

/// <summary>The macros an agent can use: every shared one and their own; others' personal macros do not exist for them.</summary>
public sealed class MacroQueries(OknoDb db)
{
    public async Task<Page<MacroView>> ListAsync(CurrentAgent agent, string? name, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Paging.Decode(cursor, 1);
        var query = Visible(agent);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = "%" + ArticleQueries.Escape(name.Trim().ToLowerInvariant()) + "%";
            query = query.Where(m => EF.Functions.Like(OknoDb.Fold(m.Name), pattern, "\\"));
        }
        if (after is not null) query = query.Where(m => m.Id > after[0]);
        var rows = await query.OrderBy(m => m.Id).Take(limit + 1).Select(View).ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, m => Paging.Encode(m.Id));
    }

    public async Task<MacroView> GetAsync(long id, CurrentAgent agent, CancellationToken cancellationToken) =>
        await Visible(agent).Where(m => m.Id == id).Select(View).SingleOrDefaultAsync(cancellationToken)
        ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.MacroNotFound, "Macro", id));

    internal IQueryable<Macro> Visible(CurrentAgent agent) => db.Set<Macro>().AsNoTracking().Where(m => m.OwnerId == null || m.OwnerId == agent.Id);

    private static readonly System.Linq.Expressions.Expression<Func<Macro, MacroView>> View =
        m => new MacroView(m.Id, m.Name, m.Body, m.OwnerId == null, m.OwnerId, m.UpdatedAt,
            new MacroActions(m.SetStatus, m.SetPriority, m.SetGroupId, m.SetAssigneeId, m.AssignToMe,
                m.AddTags == null ? null : MacroTags.Split(m.AddTags)));
}

internal static class MacroTags
{
    public static List<string?> Split(string joined) => [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    public static string? Join(IEnumerable<string?>? tags) =>
        tags?.OfType<string>().Select(Tag.Normalize).Where(t => t.Length > 0).Distinct().ToList() is { Count: > 0 } list ? string.Join(',', list) : null;
}

/// <summary>Creates a macro (shared unless shared: false) or replaces one the agent can see.</summary>
public sealed class SaveMacro(OknoDb db, MacroQueries queries, TimeProvider clock)
{
    public async Task<MacroView> ExecuteAsync(long? id, MacroRequest request, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name?.Trim(), Macro.NameMaxLength);
        var actions = request.Actions ?? new MacroActions();
        // A macro that acts may insert no text ("Close as spam"); one that does nothing else needs its text.
        errors.Text("body", request.Body, Macro.BodyMaxLength, required: !actions.Any);
        TagCatalog.Validate(actions.AddTags, "actions.addTags", errors);
        if (actions.AddTags?.Any(t => t?.Contains(',') == true) == true)
            errors.Add("actions.addTags", ErrorCodes.InvalidValue, "A tag cannot contain a comma.", ("value", ","));
        if (MacroTags.Join(actions.AddTags) is { Length: > Macro.AddTagsMaxLength })
            errors.Add("actions.addTags", ErrorCodes.TooLong, "Too many tags.", ("max", Macro.AddTagsMaxLength));
        if (actions.Status == TicketStatus.New)
            errors.Add("actions.status", ErrorCodes.InvalidValue, "A macro cannot make a ticket new again.", ("value", "new"));
        if (actions.GroupId is { } groupId && !await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
            errors.Add("actions.groupId", AdminErrorCodes.GroupNotFound, $"There is no group {groupId}.", ("id", (object?)groupId));
        if (actions.AssigneeId is { } assigneeId && !await db.Agents.AnyAsync(a => a.Id == assigneeId && a.IsActive, cancellationToken))
            errors.Add("actions.assigneeId", AdminErrorCodes.AgentNotActive, $"There is no active agent {assigneeId}.", ("id", (object?)assigneeId));
        errors.ThrowIfAny();
        var saved = await db.WriteAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            Macro macro;
            if (id is null)
            {
                macro = new Macro { CreatedById = agent.Id, CreatedAt = now };
                db.Add(macro);
            }
            else
            {
                macro = await db.Set<Macro>().SingleOrDefaultAsync(m => m.Id == id && (m.OwnerId == null || m.OwnerId == agent.Id), ct)
                    ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.MacroNotFound, "Macro", id));
            }
            macro.Name = request.Name!.Trim();
            macro.Body = request.Body ?? "";
            macro.SetStatus = actions.Status;
            macro.SetPriority = actions.Priority;
            macro.SetGroupId = actions.GroupId;
            macro.SetAssigneeId = actions.AssigneeId;
            macro.AssignToMe = actions.AssignToMe;
            macro.AddTags = MacroTags.Join(actions.AddTags);
            if (request.Shared is not null || id is null) macro.OwnerId = (request.Shared ?? true) ? null : agent.Id;
            macro.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return macro.Id;
        }, cancellationToken);
        return await queries.GetAsync(saved, agent, cancellationToken);
    }
}

public sealed class DeleteMacro(OknoDb db)
{
    public async Task ExecuteAsync(long id, CurrentAgent agent, CancellationToken cancellationToken) =>
        await db.WriteAsync(async ct =>
        {
            var macro = await db.Set<Macro>().SingleOrDefaultAsync(m => m.Id == id && (m.OwnerId == null || m.OwnerId == agent.Id), ct)
                ?? throw new OknoException(new NotFound(KnowledgeErrorCodes.MacroNotFound, "Macro", id));
            db.Remove(macro);
            await db.SaveChangesAsync(ct);
            return id;
        }, cancellationToken);
}

/// <summary>Fills a macro for one ticket the agent can see, for the reply editor to insert.</summary>
public sealed class PreviewMacro(OknoDb db, MacroQueries macros, MessageBodies bodies)
{
    public async Task<MacroPreview> ExecuteAsync(long ticketId, long macroId, CurrentAgent agent, CancellationToken cancellationToken) =>
        await FillAsync(ticketId, await macros.GetAsync(macroId, agent, cancellationToken), agent, cancellationToken);

    /// <summary>A macro already read (by <see cref="ApplyMacro"/>) filled for the ticket.</summary>
    internal async Task<MacroPreview> FillAsync(long ticketId, MacroView macro, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.VisibleTo(agent).Where(t => t.Id == ticketId)
            .Select(t => new
            {
                t.Number, t.Subject, t.Contact.Name,
                Email = db.Set<ContactEmail>().Where(e => e.ContactId == t.ContactId).OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(Tickets.TicketErrorCodes.NotFound, "Ticket", ticketId));
        var agentName = await db.Agents.Where(a => a.Id == agent.Id).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? agent.Name;
        var text = MacroRenderer.Render(macro.Body, new MacroContext(ticket.Name, ticket.Email, ticket.Number, ticket.Subject, agentName));
        return new MacroPreview(macro.Id, ticketId, text, bodies.FromText(text).Html);
    }
}

/// <summary>Applies a macro to a ticket in one step: its changes go through the one ticket write path
/// (<see cref="ChangeTicket"/>) as the agent through the macro, so the history has one entry per change, each marked with
/// the macro; its text comes back filled for the reply editor. A macro that only inserts text changes nothing.</summary>
public sealed class ApplyMacro(MacroQueries macros, ChangeTicket change, TicketQueries tickets, PreviewMacro preview)
{
    public async Task<AppliedMacro> ExecuteAsync(long ticketId, long macroId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var macro = await macros.GetAsync(macroId, agent, cancellationToken);
        var text = await preview.FillAsync(ticketId, macro, agent, cancellationToken);
        var a = macro.Actions;
        if (!a.Any) return new AppliedMacro(await tickets.GetAsync(ticketId, agent, cancellationToken), text);
        var assignee = a.AssignToMe ? agent.Id : a.AssigneeId;
        var request = new ChangeTicketRequest(
            a.Status is { } s ? new Optional<TicketStatus?>(true, s) : default,
            a.Priority is { } p ? new Optional<TicketPriority?>(true, p) : default,
            default, default,
            assignee is { } who ? new Optional<long?>(true, who) : default,
            a.GroupId is { } g ? new Optional<long?>(true, g) : default,
            default, null) { AddTags = a.AddTags is { Count: > 0 } ? new Optional<List<string?>?>(true, a.AddTags) : default };
        var changed = await change.ExecuteAsync(ticketId, request, agent.AsActor().ThroughMacro(macro.Id), agent.Access(), cancellationToken);
        return new AppliedMacro(changed, text);
    }
}

/// <summary>Macro names for the ticket history's "with macro …" mark, whoever owns the macro.</summary>
internal sealed class MacroNames(OknoDb db) : IMacroNames
{
    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> macroIds, CancellationToken cancellationToken) =>
        await db.Set<Macro>().Where(m => macroIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
}
