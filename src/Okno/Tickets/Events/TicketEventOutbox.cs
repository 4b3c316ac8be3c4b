using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Outbox;
using Okno.Platform.Web;

namespace Okno.Tickets.Events;

/// <summary>The one place ticket events come from: OknoDb calls <see cref="Collect"/> before every save (the history
/// rows it adds) and <see cref="ToOutbox"/> after it (ids are known then), inside the save's transaction. Every change
/// of a ticket goes through a <see cref="Ticket"/> method that appends a history row, so every change yields its event.</summary>
public static class TicketEventOutbox
{
    public const string Topic = "ticket";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Stored, never put into a page: Cyrillic as UTF-8, not \uXXXX (a third of a creation's event bytes).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public sealed record Pending(IReadOnlyList<TicketEvent> History, Guid OperationId, DateTimeOffset WrittenAt);

    /// <summary>The history rows this save adds; null if none.</summary>
    public static Pending? Collect(OknoDb db)
    {
        List<TicketEvent>? added = null;
        foreach (var entry in db.ChangeTracker.Entries<TicketEvent>())
            if (entry.State == EntityState.Added) (added ??= []).Add(entry.Entity);
        // Stamped with the changes' own time (the use case's clock), which /health's lag is measured against.
        return added is null ? null : new Pending(added, Operation.Current ?? Guid.CreateVersion7(), added.Max(e => e.At));
    }

    /// <summary>The outbox rows for the saved history rows, one per row, each ticket's in version order.</summary>
    public static IReadOnlyList<OutboxEvent> ToOutbox(OknoDb db, Pending pending) =>
        Derive(db, pending).Select(e => new OutboxEvent
        {
            Topic = Topic,
            Type = e.TypeName,
            StreamId = e.TicketId,
            StreamVersion = e.TicketVersion,
            OperationId = e.OperationId,
            CreatedAt = pending.WrittenAt,
            Payload = JsonSerializer.Serialize(e, Json),
        }).ToList();

    /// <summary>Reads an event back from its outbox row (handlers get theirs through <see cref="TicketEventReader"/>,
    /// which reads each event once for all of them).</summary>
    public static TicketDomainEvent Read(OutboxEvent row) =>
        (JsonSerializer.Deserialize<TicketDomainEvent>(row.Payload, Json)
            ?? throw new InvalidOperationException($"Outbox event {row.Id} has no payload.")) with { EventId = row.Id };

    internal static IEnumerable<TicketDomainEvent> Derive(OknoDb db, Pending pending)
    {
        var byNumber = new Lazy<Dictionary<long, long>>(() => db.ChangeTracker.Entries<Ticket>()
            .GroupBy(t => t.Entity.Number).ToDictionary(g => g.Key, g => g.First().Entity.Id));
        foreach (var history in pending.History.GroupBy(h => h.Ticket))
        {
            var ticket = history.Key;
            // The ticket's routing after its last change of this save is what it is now; walking the rows backwards
            // undoes each routing change to find the routing before it.
            var rows = history.OrderBy(h => h.TicketVersion).ToList();
            var after = new TicketRouting[rows.Count];
            var before = new TicketRouting?[rows.Count];
            var state = new TicketRouting(ticket.Status, ticket.GroupId, ticket.AssigneeId);
            for (var i = rows.Count - 1; i >= 0; i--)
            {
                after[i] = state;
                state = Undo(rows[i], state);
                before[i] = rows[i].Kind == TicketEventKind.Created ? null : state;
            }
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var made = Make(row, ticket, byNumber);
                if (made is null) continue;
                yield return made with
                {
                    TicketId = ticket.Id,
                    TicketVersion = row.TicketVersion,
                    OperationId = row.OperationId ?? pending.OperationId,
                    Cause = row.Cause,
                    At = row.At,
                    Before = before[i],
                    After = after[i],
                };
            }
        }
    }

    private static TicketRouting Undo(TicketEvent row, TicketRouting state) =>
        row.Kind != TicketEventKind.Changed ? state : row.Field switch
        {
            "status" => state with { Status = ParseEnum<TicketStatus>(row.OldValue) ?? state.Status },
            "group" => state with { GroupId = ParseId(row.OldValue) },
            "assignee" => state with { AssigneeId = ParseId(row.OldValue) },
            _ => state,
        };

    private static TicketDomainEvent? Make(TicketEvent row, Ticket ticket, Lazy<Dictionary<long, long>> byNumber)
    {
        long? IdOf(string? number) => ParseId(number) is { } n && byNumber.Value.TryGetValue(n, out var id) ? id : null;
        switch (row.Kind)
        {
            case TicketEventKind.Created:
                return new TicketCreated(ticket.Number, row.NewValue ?? ticket.Subject, ticket.Channel.Value, ticket.ContactId);
            case TicketEventKind.MessageAdded:
            case TicketEventKind.NoteAdded:
                var message = row.Message ?? throw new InvalidOperationException("A message event without its message.");
                return message.IsInternal ? new NoteAdded(message.Id)
                    : message.Direction == MessageDirection.In ? new MessageReceived(message.Id)
                    : new ReplySent(message.Id);
            case TicketEventKind.Merged:
                var survivor = row.Field == "merged_from";
                var otherNumber = ParseId(row.NewValue) ?? 0;
                return new TicketMerged(survivor, survivor ? IdOf(row.NewValue) : ticket.MergedIntoId, otherNumber);
            case TicketEventKind.Linked:
                return new TicketLinked(IdOf(row.NewValue), ParseId(row.NewValue) ?? 0);
            case TicketEventKind.Unlinked:
                return new TicketUnlinked(IdOf(row.OldValue), ParseId(row.OldValue) ?? 0);
            case TicketEventKind.SlaAlert:
                return new SlaAlertRaised(row.NewValue ?? "", row.Field == Ticket.SlaBreachField,
                    DateTimeOffset.Parse(row.OldValue ?? "", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            case TicketEventKind.Escalated:
                return new TicketEscalated(ParseId(row.OldValue), ParseId(row.NewValue) ?? 0, row.Field == Ticket.ReturnedField,
                    row.ReasonId ?? 0, row.Comment ?? "");
            case TicketEventKind.Changed:
                return row.Field switch
                {
                    "status" => new TicketStatusChanged(ParseEnum<TicketStatus>(row.OldValue)!.Value, ParseEnum<TicketStatus>(row.NewValue)!.Value),
                    "priority" => new TicketPriorityChanged(ParseEnum<TicketPriority>(row.OldValue)!.Value, ParseEnum<TicketPriority>(row.NewValue)!.Value),
                    "type" => new TicketTypeChanged(ParseEnum<TicketType>(row.OldValue)!.Value, ParseEnum<TicketType>(row.NewValue)!.Value),
                    "subject" => new TicketSubjectChanged(row.OldValue ?? "", row.NewValue ?? ""),
                    "group" => new TicketGroupChanged(ParseId(row.OldValue), ParseId(row.NewValue)),
                    "assignee" => new TicketAssigneeChanged(ParseId(row.OldValue), ParseId(row.NewValue)),
                    "tags" => new TicketTagsChanged(Tags(row.OldValue), Tags(row.NewValue)),
                    "customer" => new TicketCustomerChanged(ParseId(row.OldValue) ?? 0, ParseId(row.NewValue) ?? 0),
                    Ticket.BotField => new TicketBotChanged(row.OldValue == "true", row.NewValue == "true"),
                    { } field when field.StartsWith(Ticket.CustomFieldPrefix, StringComparison.Ordinal) =>
                        new TicketCustomFieldChanged(field[Ticket.CustomFieldPrefix.Length..], row.OldValue, row.NewValue),
                    Ticket.ServiceObjectField or Ticket.EquipmentField => new TicketServiceObjectChanged(row.Field, ParseId(row.OldValue), ParseId(row.NewValue)),
                    Ticket.ContractField => new TicketContractChanged(ParseId(row.OldValue), ParseId(row.NewValue)),
                    Ticket.ChecklistField => new ChecklistItemTicked(row.Comment ?? "", row.NewValue == "done"),
                    Ticket.WorkField => new WorkLineChanged(ParseId(row.OldValue) ?? 0, row.NewValue ?? "", row.Comment ?? ""),
                    // A field this code does not know yet is a programming error, not a reason to lose the change.
                    _ => throw new InvalidOperationException($"No ticket event for a change of '{row.Field}'."),
                };
            default:
                throw new InvalidOperationException($"No ticket event for history kind {row.Kind}.");
        }
    }

    private static IReadOnlyList<string> Tags(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(", ", StringSplitOptions.RemoveEmptyEntries);

    private static long? ParseId(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static T? ParseEnum<T>(string? text) where T : struct, Enum =>
        text is null ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.ToSnakeCase() == text);
}
