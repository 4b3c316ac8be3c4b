using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Customers;
using Okno.Admin;

namespace Okno.Knowledge;

public sealed record MacroRequest(string? Name, string? Body, bool? Shared);

public sealed record MacroView(long Id, string Name, string Body, bool Shared, long? OwnerId, DateTimeOffset UpdatedAt);

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
        m => new MacroView(m.Id, m.Name, m.Body, m.OwnerId == null, m.OwnerId, m.UpdatedAt);
}

/// <summary>Creates a macro (shared unless shared: false) or replaces one the agent can see.</summary>
public sealed class SaveMacro(OknoDb db, MacroQueries queries, TimeProvider clock)
{
    public async Task<MacroView> ExecuteAsync(long? id, MacroRequest request, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name?.Trim(), Macro.NameMaxLength);
        errors.Text("body", request.Body, Macro.BodyMaxLength);
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
            macro.Body = request.Body!;
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
    public async Task<MacroPreview> ExecuteAsync(long ticketId, long macroId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.VisibleTo(agent).Where(t => t.Id == ticketId)
            .Select(t => new
            {
                t.Number, t.Subject, t.Contact.Name,
                Email = db.Set<ContactEmail>().Where(e => e.ContactId == t.ContactId).OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(Tickets.TicketErrorCodes.NotFound, "Ticket", ticketId));
        var macro = await macros.GetAsync(macroId, agent, cancellationToken);
        var agentName = await db.Agents.Where(a => a.Id == agent.Id).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? agent.Name;
        var text = MacroRenderer.Render(macro.Body, new MacroContext(ticket.Name, ticket.Email, ticket.Number, ticket.Subject, agentName));
        return new MacroPreview(macro.Id, ticketId, text, bodies.FromText(text).Html);
    }
}
