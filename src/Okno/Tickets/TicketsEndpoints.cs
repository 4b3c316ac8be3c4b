using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets.CustomFields;

namespace Okno.Tickets;

public sealed record BulkRefusalView(long Id, string Code, string Message);

public sealed record BulkChangeResponse(IReadOnlyList<long> Changed, IReadOnlyList<BulkRefusalView> Refused);

public static class TicketsEndpoints
{
    public static IEndpointRouteBuilder MapTicketsEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/tickets").RequireAuthorization().WithTags("Tickets").WithProblemResponses();

        tickets.MapPost("/", async Task<Created<TicketView>> (CreateTicketRequest request, CreateTicket createTicket, CurrentAgent agent,
            CancellationToken ct) =>
        {
            var ticket = await createTicket.ExecuteAsync(request, agent.AsActor(), ct);
            return TypedResults.Created($"/api/v1/tickets/{ticket.Id}", ticket);
        }).WithSummary("Open a ticket on behalf of a customer");

        tickets.MapGet("/", async (string? view, string? status, string? priority, string? type, long? assigneeId, long? groupId,
            string? tag, string? channel, long? customerId, long? companyId, string? reference, string? sort, string? sla, int? limit, string? cursor,
            TicketQueries queries, CurrentAgent agent, HttpRequest http, OknoDb db, CancellationToken ct) =>
        {
            var customFields = await CustomFieldCondition.FromQueryAsync(http.Query, CustomFieldEntity.Ticket, db, ct);
            var filter = new TicketFilter(
                View: QueryValues.Enum<InboxView>(view, "view"), Status: QueryValues.Enum<TicketStatus>(status, "status"),
                Priority: QueryValues.Enum<TicketPriority>(priority, "priority"), Type: QueryValues.Enum<TicketType>(type, "type"),
                AssigneeId: assigneeId, GroupId: groupId, Tag: string.IsNullOrWhiteSpace(tag) ? null : tag,
                Channel: ChannelKind.FromQuery(channel, "channel"), CustomerId: customerId, CompanyId: companyId,
                Sort: QueryValues.Enum<TicketSort>(sort, "sort") ?? TicketSort.Created,
                SlaAtRisk: sla switch
                {
                    null or "" => false,
                    "at_risk" => true,
                    _ => throw new OknoException(InvalidInput.Field("sla", ErrorCodes.InvalidValue, "sla=at_risk or nothing.", ("value", sla))),
                },
                Reference: string.IsNullOrWhiteSpace(reference) ? null : TicketReference.Normalize(reference)
                    ?? throw new OknoException(InvalidInput.Field("reference", ErrorCodes.InvalidValue,
                        "A reference is ten letters and digits, as in K7QXM-3PAD9.", ("value", reference))))
            {
                CustomFields = customFields,
            };
            return TypedResults.Ok(await queries.ListAsync(filter, Paging.Limit(limit), cursor, agent, ct));
        }).WithSummary("List tickets: a view (mine, unassigned, my_groups, all_open, waiting, closed) and filters (reference: the code " +
            "a customer was given, e.g. K7QXM-3PAD9, in any case, with or without the dash); sort=created " +
            "(newest first), updated (last activity first), priority (most urgent first) or due (soonest SLA due time first); sla=at_risk: " +
            "only tickets overdue or past their SLA warning; cf.<key>=value: a custom field has that value (an option key for list " +
            "fields, yyyy-MM-dd, true/false, a number, a linked id; up to 10); keyset-paged");

        tickets.MapGet("/counts", async (TicketQueries queries, CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(await queries.ViewCountsAsync(agent, ct)))
            .WithSummary("How many tickets each standard view holds for the caller (maintained counters, not a count per call)");

        tickets.MapGet("/{id:long}", async (long id, TicketQueries queries, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetAsync(id, agent, ct)));

        tickets.MapPatch("/{id:long}", async (long id, ChangeTicketRequest request, ChangeTicket changeTicket, CurrentAgent agent,
            CancellationToken ct) => TypedResults.Ok(await changeTicket.ExecuteAsync(id, request, agent.AsActor(), agent.Access(), ct)))
            .WithSummary("Change status, priority, type, subject, assignee, group or tags");

        tickets.MapPost("/bulk", async (BulkChangeRequest request, BulkChangeTickets bulk, CurrentAgent agent, CancellationToken ct) =>
        {
            var result = await bulk.ExecuteAsync(request, agent.AsActor(), agent.Access(), ct);
            return TypedResults.Ok(new BulkChangeResponse(result.Changed,
                result.Refused.Select(r => { var (code, message) = r.Error.Describe(); return new BulkRefusalView(r.Id, code, message); }).ToList()));
        }).WithSummary($"Change or merge up to {BulkChangeTickets.MaxIds} tickets: ids and either change (the PATCH fields, plus addTags and " +
            "removeTags) or mergeIntoId (one of ids, the others are merged into it). Each ticket changes on its own; one that cannot " +
            "(not visible, closed, a status it cannot take) is listed in refused with a code, and the others still change");

        tickets.MapPost("/{id:long}/messages", async Task<Created<MessageView>> (long id, ReplyRequest request, ReplyToTicket reply,
            CurrentAgent agent, CancellationToken ct) =>
        {
            var message = await reply.ExecuteAsync(id, request, agent.AsActor(), agent.Access(), ct);
            return TypedResults.Created($"/api/v1/tickets/{id}/messages/{message.Id}", message);
        }).WithSummary("Reply to the customer, or add an internal note (internal: true). The text is body (plain) or bodyHtml " +
            "(formatted, as the reply editor writes it): bodyHtml keeps only p, br, strong/b, em/i, ul/ol/li, a (http, https, mailto), " +
            "blockquote, code, pre and images; an image given as a data: address (PNG, JPEG, GIF, WebP) is stored as an inline " +
            "attachment and sent by mail as a related part, any other image is dropped. The plain-text part is derived from it");

        tickets.MapGet("/{id:long}/follow", async (long id, FollowTicket follow, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await follow.GetAsync(id, agent, ct))).WithSummary("Whether the caller follows the ticket");
        tickets.MapPut("/{id:long}/follow", async (long id, FollowTicket follow, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await follow.FollowAsync(id, agent, ct)))
            .WithSummary("Follow the ticket: the caller is told when a colleague replies or writes a note, or the customer writes");
        tickets.MapDelete("/{id:long}/follow", async (long id, FollowTicket follow, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await follow.UnfollowAsync(id, agent, ct))).WithSummary("Stop following the ticket");

        tickets.MapGet("/{id:long}/messages", async (long id, int? limit, string? cursor, TicketQueries queries, CurrentAgent agent,
            CancellationToken ct) => TypedResults.Ok(await queries.MessagesAsync(id, Paging.Limit(limit), cursor, agent, ct)));

        tickets.MapGet("/{id:long}/messages/{messageId:long}", async (long id, long messageId, TicketQueries queries, CurrentAgent agent,
            CancellationToken ct) => TypedResults.Ok(await queries.MessageAsync(id, messageId, agent, ct)));

        tickets.MapPost("/{id:long}/messages/{messageId:long}/split", async Task<Created<TicketView>> (long id, long messageId, SplitRequest request,
            SplitMessage split, CurrentAgent agent, CancellationToken ct) =>
        {
            var ticket = await split.ExecuteAsync(id, messageId, request, agent.AsActor(), agent.Access(), ct);
            return TypedResults.Created($"/api/v1/tickets/{ticket.Id}", ticket);
        }).WithSummary("Split a customer's message into a new ticket (subject optional, default: this ticket's subject): same customer, " +
            "the message's text and files copied, linked to this ticket; the message stays here marked as split. A note or an " +
            "agent's reply is refused (message.split_not_customer), and so is a message split before (message.already_split)");

        tickets.MapGet("/{id:long}/messages/{messageId:long}/raw", DownloadRawAsync)
            .WithSummary("The original mail of an incoming email message, as received (message/rfc822, message-<id>.eml)");

        tickets.MapPost("/{id:long}/participants", async (long id, ParticipantRequest request, ChangeParticipants participants,
            CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(await participants.AddAsync(id, request, agent.Access(), ct)))
            .WithSummary("Add someone to the conversation by email: replies are copied (CC) to them; adding again changes nothing");

        tickets.MapDelete("/{id:long}/participants/{address}", async (long id, string address, ChangeParticipants participants,
            CurrentAgent agent, CancellationToken ct) =>
        {
            await participants.RemoveAsync(id, address, agent.Access(), ct);
            return TypedResults.NoContent();
        }).WithSummary("Take a participant off the conversation");

        tickets.MapGet("/{id:long}/history", async (long id, int? limit, string? cursor, TicketQueries queries, CurrentAgent agent,
            CancellationToken ct) => TypedResults.Ok(await queries.HistoryAsync(id, Paging.Limit(limit), cursor, agent, ct)));

        tickets.MapPost("/{id:long}/merge", async (long id, MergeRequest request, MergeTickets merge, CurrentAgent agent, CancellationToken ct) =>
        {
            if (request.IntoTicketId is not { } into) throw new OknoException(InvalidInput.Required("intoTicketId"));
            return TypedResults.Ok(await merge.ExecuteAsync(id, into, agent.AsActor(), agent.Access(), ct));
        }).WithSummary("Merge this ticket into another (the survivor, returned); this one is closed and points to it");

        tickets.MapGet("/{id:long}/related", async (long id, TicketQueries queries, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await queries.RelatedAsync(id, agent, ct)))
            .WithSummary("The ticket this one was merged into, tickets merged into it, and linked tickets");

        tickets.MapPost("/{id:long}/links", async (long id, LinkRequest request, LinkTickets links, CurrentAgent agent, CancellationToken ct) =>
        {
            if (request.TicketId is not { } other) throw new OknoException(InvalidInput.Required("ticketId"));
            await links.LinkAsync(id, other, agent.AsActor(), agent.Access(), ct);
            return TypedResults.NoContent();
        }).WithSummary("Link two related tickets (linking again changes nothing)");

        tickets.MapDelete("/{id:long}/links/{otherId:long}", async (long id, long otherId, LinkTickets links, CurrentAgent agent,
            CancellationToken ct) =>
        {
            await links.UnlinkAsync(id, otherId, agent.AsActor(), agent.Access(), ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove the link between two tickets");

        app.MapGet("/api/v1/search", async (string? q, int? limit, SearchTickets search, CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(new { items = await search.ExecuteAsync(q, Paging.Limit(limit), agent, ct) }))
            .RequireAuthorization().WithTags("Search").WithSummary("Tickets by number, customer email, subject or message text");

        app.MapGet("/api/v1/attachments/{id:long}", DownloadAttachmentAsync).RequireAuthorization().WithTags("Tickets");
        return app;
    }

    /// <summary>The raw mail an incoming message was read from, streamed from the attachment store, as a download.</summary>
    internal static async Task<IResult> DownloadRawAsync(long id, long messageId, TicketQueries queries, AttachmentStore store,
        CurrentAgent agent, HttpContext http, CancellationToken ct)
    {
        var sha = await queries.RawOfAsync(id, messageId, agent, ct);
        var content = sha is null ? null : store.Open(sha);
        if (content is null) return ProblemMapping.ToResult(new Platform.Web.NotFound(TicketErrorCodes.RawNotFound, "Raw mail of message", messageId));
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(content, "message/rfc822", $"message-{messageId}.eml", enableRangeProcessing: true);
    }

    /// <summary>Served only to agents who can see the ticket, always as a download that the browser must not
    /// sniff (nosniff is on every answer, see SecurityHeaders) or render in the desk's origin.</summary>
    internal static async Task<IResult> DownloadAttachmentAsync(long id, OknoDb db, AttachmentStore store, CurrentAgent agent,
        HttpContext http, CancellationToken ct)
    {
        var visible = db.Tickets.VisibleTo(agent);
        var attachment = await db.Attachments.Where(a => a.Id == id && visible.Any(t => t.Id == a.Message.TicketId))
            .Select(a => new { a.FileName, a.ContentType, a.Sha256 }).SingleOrDefaultAsync(ct);
        return FileDownloads.Serve(store, http, "Attachment", id, attachment?.Sha256, attachment?.ContentType ?? "", attachment?.FileName ?? "");
    }
}
