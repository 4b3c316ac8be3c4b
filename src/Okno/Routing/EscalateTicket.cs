using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Routing;

/// <summary>POST body of an escalation: the line to move to, the reason's id, and a comment (required to escalate,
/// optional to return).</summary>
public sealed record EscalationRequest(long? GroupId, long? Reason, string? Comment);

/// <summary>Moves a ticket to another support line with a reason: to a line further down the order is an escalation,
/// to one further up a return. The ticket leaves its assignee behind unless they are a member of the new line.</summary>
public sealed class EscalateTicket(OknoDb db, TimeProvider clock, TicketQueries queries)
{
    /// <summary>The API's escalation: the move, then the ticket as it is after it.</summary>
    public async Task<TicketView> ExecuteAsync(long ticketId, EscalationRequest request, Actor actor, TicketAccessRule access,
        CancellationToken ct)
    {
        await ApplyAsync(ticketId, request, actor, access, ct);
        return await queries.LoadAsync(ticketId, ct);
    }

    /// <summary>The move alone, saved. Joins an open transaction (a trigger's ticket-event handler calls it as the
    /// automation actor, and needs no view of the ticket), or opens its own.</summary>
    public Task ApplyAsync(long ticketId, EscalationRequest request, Actor actor, TicketAccessRule access, CancellationToken ct) =>
        db.WriteAsync(async token =>
        {
            await db.LockTicketAsync(ticketId, token);
            var ticket = await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, token)
                ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            var lines = await db.Set<SupportLine>().ToDictionaryAsync(l => l.GroupId, l => l.Position, token);
            var reason = request.Reason is { } reasonId
                ? await db.Set<EscalationReason>().Where(r => r.Id == reasonId).Select(r => new { r.Id, r.Archived }).SingleOrDefaultAsync(token)
                : null;
            var move = EscalationRules.Check(request, ticket.GroupId, lines, reason is { Archived: false } ? reason.Id : null);
            var now = clock.GetUtcNow();
            ticket.Escalate(move.ToGroupId, move.Returned, move.ReasonId, move.Comment, actor, now);
            if (ticket.AssigneeId is { } assignee
                && !await db.AgentGroups.AnyAsync(ag => ag.AgentId == assignee && ag.GroupId == move.ToGroupId, token))
                ticket.AssignTo(null, actor, now);
            await db.SaveChangesAsync(token);
            return ticket.Id;
        }, ct);
}

/// <summary>A checked move: where to, whether it is a return, why.</summary>
public sealed record EscalationMove(long ToGroupId, bool Returned, long ReasonId, string Comment);

/// <summary>The rules of an escalation, apart from the database: the target must be a line other than the ticket's own
/// one, the reason an active one, the comment given (to escalate) and short. A move to a line further down the order
/// (a higher position) escalates, further up returns; from a group that is no line (or none) any move escalates.</summary>
public static class EscalationRules
{
    /// <param name="lines">Position of each line by group id.</param>
    /// <param name="activeReasonId">The request's reason if it exists and is not archived, else null.</param>
    public static EscalationMove Check(EscalationRequest request, long? currentGroupId, IReadOnlyDictionary<long, int> lines, long? activeReasonId)
    {
        var errors = new FieldErrors();
        var returned = false;
        if (request.GroupId is not { } to) errors.Required("groupId");
        else if (!lines.TryGetValue(to, out var toPosition))
            errors.Add("groupId", RoutingErrorCodes.NotALine, $"Group {to} is not a support line.", ("id", to));
        else if (to == currentGroupId)
            errors.Add("groupId", RoutingErrorCodes.SameLine, "The ticket is in this line already.");
        else
            returned = currentGroupId is { } from && lines.TryGetValue(from, out var fromPosition) && toPosition < fromPosition;
        if (request.Reason is not { } reasonId)
            errors.Add("reason", RoutingErrorCodes.ReasonRequired, "Choose why the ticket changes line.");
        else if (activeReasonId != reasonId)
            errors.Add("reason", RoutingErrorCodes.ReasonUnknown, $"There is no active escalation reason {reasonId}.", ("id", reasonId));
        // Returning a ticket may go without words; handing it on must say what the next line needs to know.
        errors.Text("comment", request.Comment, TicketEvent.CommentMaxLength, required: !returned);
        errors.ThrowIfAny();
        return new EscalationMove(request.GroupId!.Value, returned, request.Reason!.Value, request.Comment?.Trim() ?? "");
    }
}
