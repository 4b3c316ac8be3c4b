using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Customers;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Automation.Webhooks;

/// <summary>The JSON a receiver gets:
/// <c>{ id, event, occurredAt, ticket: { id, number, subject, status, priority, type, channel, groupId, assigneeId,
/// contactId, companyId, tags, url }, change: { field, from, to } | message: { id, direction, internal, text, author },
/// cause: { kind, id } }</c>. Built when the delivery is queued (inside the transaction of the event's handling), so it
/// shows the ticket as it was then; status, group and assignee come from the event itself (its state right after the
/// change).</summary>
public sealed class WebhookPayloads(OknoDb db, IOptions<NotificationsOptions> notifications)
{
    public const int MaxMessageText = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The payload of <paramref name="eventType"/> on the ticket, without its id (see <see cref="Body"/>); null
    /// when the ticket no longer exists.</summary>
    public async Task<string?> BuildAsync(string eventType, long ticketId, TicketDomainEvent? cause, DateTimeOffset now, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new
        {
            t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Type, t.Channel, t.GroupId, t.AssigneeId, t.ContactId, t.CompanyId,
        }).SingleOrDefaultAsync(ct);
        if (ticket is null) return null;
        var tags = (await TicketTagNames.OfAsync(db, [ticketId], ct))[ticketId];
        var routing = cause?.After;
        var baseUrl = notifications.Value.BaseUrl;
        var payload = new JsonObject
        {
            ["event"] = eventType,
            ["occurredAt"] = (cause?.At ?? now).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["ticket"] = new JsonObject
            {
                ["id"] = ticket.Id,
                ["number"] = ticket.Number,
                ["subject"] = ticket.Subject,
                ["status"] = (routing?.Status ?? ticket.Status).ToSnakeCase(),
                ["priority"] = ticket.Priority.ToSnakeCase(),
                ["type"] = ticket.Type.ToSnakeCase(),
                ["channel"] = ticket.Channel.ToString(),
                ["groupId"] = routing is null ? ticket.GroupId : routing.GroupId,
                ["assigneeId"] = routing is null ? ticket.AssigneeId : routing.AssigneeId,
                ["contactId"] = ticket.ContactId,
                ["companyId"] = ticket.CompanyId,
                ["tags"] = new JsonArray([.. tags.Order(StringComparer.Ordinal).Select(t => (JsonNode)JsonValue.Create(t))]),
                ["url"] = string.IsNullOrEmpty(baseUrl) ? null : $"{baseUrl.TrimEnd('/')}/tickets/{ticket.Id}",
            },
        };
        if (Change(cause) is { } change) payload["change"] = change;
        if (cause is TicketMessageEvent m && await MessageAsync(m, ct) is { } message) payload["message"] = message;
        payload["cause"] = cause is null ? null : new JsonObject { ["kind"] = cause.Cause.Kind.ToSnakeCase(), ["id"] = cause.Cause.Id };
        return payload.ToJsonString(Json);
    }

    /// <summary>The bytes sent: the stored payload with the delivery's id as its first member.</summary>
    public static string Body(long deliveryId, string payload)
    {
        var id = deliveryId.ToString(CultureInfo.InvariantCulture);
        var rest = payload.Trim();
        return rest.Length <= 2 ? $"{{\"id\":{id}}}" : $"{{\"id\":{id},{rest[1..]}";
    }

    /// <summary>The payload of a test ("ping") delivery.</summary>
    public static string Ping(WebhookSubscription subscription, DateTimeOffset now) => new JsonObject
    {
        ["event"] = WebhookEvents.Ping,
        ["occurredAt"] = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["subscription"] = new JsonObject { ["id"] = subscription.Id, ["name"] = subscription.Name },
    }.ToJsonString(Json);

    internal static JsonObject? Change(TicketDomainEvent? e) => e switch
    {
        TicketStatusChanged c => Changed("status", c.From.ToSnakeCase(), c.To.ToSnakeCase()),
        TicketPriorityChanged c => Changed("priority", c.From.ToSnakeCase(), c.To.ToSnakeCase()),
        TicketTypeChanged c => Changed("type", c.From.ToSnakeCase(), c.To.ToSnakeCase()),
        TicketSubjectChanged c => Changed("subject", c.From, c.To),
        TicketGroupChanged c => Changed("group", c.From, c.To),
        TicketAssigneeChanged c => Changed("assignee", c.From, c.To),
        TicketTagsChanged c => Changed("tags", new JsonArray([.. c.From.Select(t => (JsonNode)JsonValue.Create(t))]),
            new JsonArray([.. c.To.Select(t => (JsonNode)JsonValue.Create(t))])),
        TicketCustomerChanged c => Changed("customer", c.From, c.To),
        TicketServiceObjectChanged c => Changed(c.Field, c.From, c.To),
        TicketContractChanged c => Changed("contract", c.From, c.To),
        TicketCustomFieldChanged c => Changed("custom_field." + c.Key, c.From, c.To),
        // The other ticket, by number (and id while it exists): merged into it (or it into this one), linked, unlinked.
        TicketMerged c => Changed(c.IsSurvivor ? "merged_from" : "merged_into", null, Other(c.OtherTicketId, c.OtherTicketNumber)),
        TicketLinked c => Changed("linked", null, Other(c.OtherTicketId, c.OtherTicketNumber)),
        TicketUnlinked c => Changed("unlinked", Other(c.OtherTicketId, c.OtherTicketNumber), null),
        SlaAlertRaised c => Changed("sla." + c.Target, null, c.CrossedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static JsonObject Other(long? id, long number) => new() { ["ticketId"] = id, ["number"] = number };

    private static JsonObject Changed(string field, JsonNode? from, JsonNode? to) => new() { ["field"] = field, ["from"] = from, ["to"] = to };

    private async Task<JsonObject?> MessageAsync(TicketMessageEvent e, CancellationToken ct)
    {
        var m = await db.Messages.AsNoTracking().Where(x => x.Id == e.MessageId)
            .Select(x => new { x.Id, x.Direction, x.IsInternal, x.BodyText, x.AuthorKind, x.AuthorId }).SingleOrDefaultAsync(ct);
        if (m is null) return null;
        string? name = (m.AuthorKind, m.AuthorId) switch
        {
            (ActorKind.Agent, { } a) => await db.Agents.Where(x => x.Id == a).Select(x => x.Name).SingleOrDefaultAsync(ct),
            (ActorKind.Contact, { } c) => await db.Contacts.Where(x => x.Id == c).Select(x => x.Name).SingleOrDefaultAsync(ct),
            _ => null,
        };
        var text = m.BodyText.Length <= MaxMessageText ? m.BodyText : m.BodyText[..MaxMessageText];
        return new JsonObject
        {
            ["id"] = m.Id,
            ["direction"] = m.Direction.ToSnakeCase(),
            ["internal"] = m.IsInternal,
            ["text"] = text,
            ["author"] = new JsonObject { ["kind"] = m.AuthorKind.ToSnakeCase(), ["id"] = m.AuthorId, ["name"] = name },
        };
    }
}
