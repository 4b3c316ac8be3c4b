using Okno.Tickets.Events;

namespace Okno.Automation.Webhooks;

/// <summary>The events a subscription can listen to, and which ticket events they come from.</summary>
public static class WebhookEvents
{
    public const string TicketCreated = "ticket_created";
    public const string TicketUpdated = "ticket_updated";
    public const string MessageCreated = "message_created";
    public const string SlaWarning = "sla_warning";
    public const string SlaBreach = "sla_breach";
    /// <summary>Sent by "test" on the admin page; no subscription lists it.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<string> All = [TicketCreated, TicketUpdated, MessageCreated, SlaWarning, SlaBreach];

    /// <summary>The webhook event a ticket event is, or null for one no subscription hears of.</summary>
    public static string? Of(TicketDomainEvent ticketEvent) => ticketEvent switch
    {
        Tickets.Events.TicketCreated => TicketCreated,
        TicketMessageEvent => MessageCreated,
        SlaAlertRaised { Breach: true } => SlaBreach,
        SlaAlertRaised => SlaWarning,
        TicketStatusChanged or TicketPriorityChanged or TicketTypeChanged or TicketSubjectChanged or TicketGroupChanged or TicketAssigneeChanged
            or TicketTagsChanged or TicketCustomerChanged or TicketServiceObjectChanged or TicketContractChanged or TicketCustomFieldChanged or TicketMerged
            or TicketLinked or TicketUnlinked => TicketUpdated,
        _ => null,
    };

    /// <summary>Whether a ticket event of this stored type may become a webhook (wakes the handler at once).</summary>
    public static bool Maps(string eventType) => eventType is Tickets.Events.TicketCreated.Type or MessageReceived.Type or ReplySent.Type
        or NoteAdded.Type or SlaAlertRaised.Type or TicketStatusChanged.Type or TicketPriorityChanged.Type or TicketTypeChanged.Type
        or TicketSubjectChanged.Type or TicketGroupChanged.Type or TicketAssigneeChanged.Type or TicketTagsChanged.Type
        or TicketCustomerChanged.Type or TicketServiceObjectChanged.Type or TicketContractChanged.Type or TicketCustomFieldChanged.Type or TicketMerged.Type or TicketLinked.Type or TicketUnlinked.Type;
}
