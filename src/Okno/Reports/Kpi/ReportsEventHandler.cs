using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Sla;
using Okno.Tickets;
using Okno.Tickets.CustomFields;
using Okno.Tickets.Events;

namespace Okno.Reports.Kpi;

/// <summary>Settings under "Okno:Reports".</summary>
public sealed class ReportsOptions
{
    public const string Section = "Okno:Reports";
    /// <summary>The IANA zone whose days the aggregates count in (a day is the desk's day, not UTC's).</summary>
    public string TimeZone { get; set; } = "Europe/Moscow";
    /// <summary>Off: ticket events do not move the aggregates (for the benchmark's comparison; rebuild afterwards).</summary>
    public bool Maintain { get; set; } = true;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

/// <summary>Keeps the report aggregates from the ticket event stream: each event, in order per ticket and once, moves
/// the counters of its day and dimensions; its writes commit with the outbox's mark of the event. The deltas of a batch
/// (up to 200 events) are summed per row and written once, before the batch commits: a burst of creations moves the same
/// few day × dimension rows again and again, and one upsert per event and row (8 per event) was what the handler cost.</summary>
internal sealed class ReportsEventHandler(OknoDb db, SlaSetup sla, IOptions<ReportsOptions> options) : ITicketEventHandler
{
    private readonly FactDeltas _deltas = new();
    /// <summary>The reportable custom fields, read once per batch (the handler is scoped to one).</summary>
    private IReadOnlyDictionary<string, CustomFieldType>? _fields;

    public string Name => "reports";

    // Reports are read later, not at once: the events reach the handler at its next poll.
    public bool WakesFor(string eventType) => false;

    public async Task HandleAsync(TicketDomainEvent e, CancellationToken ct)
    {
        if (!options.Value.Maintain) return;
        if (e is TicketSubjectChanged or NoteAdded or TicketLinked or TicketUnlinked or TicketBotChanged or TicketCustomerChanged
            or TicketServiceObjectChanged or TicketContractChanged or ChecklistItemTicked or WorkLineChanged
            or TicketMerged or SlaAlertRaised { Breach: false }) return;
        var fields = _fields ??= await ReportFieldValues.TypesAsync(db, ct);
        if (e is TicketCustomFieldChanged changed && !fields.ContainsKey(changed.Key)) return;
        var ledger = new ReportLedger(options.Value.Zone, await sla.CurrentAsync(db, ct), fields);
        var deltas = _deltas;
        var state = await db.Set<ReportTicketState>().FindAsync([e.TicketId], ct);
        if (e is TicketCreated created)
        {
            if (state is not null) return;
            var facts = await InitialFactsAsync(db, created, fields, ct);
            if (facts is null) return;
            db.Add(ledger.Start(created, facts, deltas));
        }
        else
        {
            // A ticket from before the reports existed (the rebuild counts it), or an event already counted.
            if (state is null || e.TicketVersion <= state.LastVersion) return;
            ledger.Apply(e, state, deltas);
        }
    }

    public async Task BeforeCommitAsync(CancellationToken ct)
    {
        if (_deltas.IsEmpty) return;   // the dispatcher saves the tracked ticket states
        await ReportLabelFactWriter.AddAsync(db, _deltas, ct);
        await db.SaveChangesAsync(ct);
        // The wide rows and the rollups by upserts, in this transaction too (the dispatcher's): one round trip, no reads.
        var statements = new StatementBatch(db);
        await ReportRollups.AddAsync(statements, _deltas.Facts.Select(f => (f.Key, (ReportDailyCounters)f.Value)).ToList(), ct);
        await statements.FlushAsync(ct);
        _deltas.Clear();
    }

    /// <summary>The ticket's facts as created: its current ones, undone by the later changes of its history when it has
    /// changed since the event (the handler may run behind).</summary>
    private static async Task<InitialFacts?> InitialFactsAsync(OknoDb db, TicketCreated created, IReadOnlyDictionary<string, CustomFieldType> fields,
        CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == created.TicketId)
            .Select(t => new { t.Type, t.Priority, t.CompanyId, t.CreatedAt, t.Version, t.GroupId, t.AssigneeId, Tags = t.Tags.Select(x => x.Tag.Name).ToList() })
            .SingleOrDefaultAsync(ct);
        if (ticket is null) return null;
        var later = ticket.Version <= created.TicketVersion ? [] : await db.TicketEvents.AsNoTracking()
            .Where(h => h.TicketId == created.TicketId && h.TicketVersion > created.TicketVersion && h.Kind == TicketEventKind.Changed
                && (h.Field == "type" || h.Field == "priority" || h.Field == "tags" || h.Field == "group" || h.Field == "assignee"
                    || h.Field!.StartsWith(Ticket.CustomFieldPrefix)))
            .Select(h => new HistoryChange(h.TicketVersion, h.Field!, h.OldValue, h.At)).ToListAsync(ct);
        var displays = (await ReportFieldValues.DisplaysAsync(db, fields, created.TicketId, created.TicketId, ct)).GetValueOrDefault(created.TicketId) ?? [];
        return Undo(created.Channel, ticket.CompanyId, ticket.Type, ticket.Priority, ticket.Tags, ticket.CreatedAt, ticket.GroupId, ticket.AssigneeId, later,
            displays, fields);
    }

    /// <summary>Whether a history row's field is one <see cref="Undo"/> reverses.</summary>
    internal static bool Undoes(string? field) =>
        field is "type" or "priority" or "tags" or "group" or "assignee" || field?.StartsWith(Ticket.CustomFieldPrefix, StringComparison.Ordinal) == true;

    internal sealed record HistoryChange(long Version, string Field, string? OldValue, DateTimeOffset At);

    internal static InitialFacts Undo(string channel, long? companyId, TicketType type, TicketPriority priority, IReadOnlyList<string> tags,
        DateTimeOffset createdAt, long? groupId, long? assigneeId, IEnumerable<HistoryChange> later,
        IReadOnlyDictionary<string, string>? fieldDisplays = null, IReadOnlyDictionary<string, CustomFieldType>? fields = null)
    {
        var displays = new Dictionary<string, string>(fieldDisplays ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        static long? Id(string? text) => long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        // Changes made by the creating save itself (the group, assignee and tags given with a new ticket) belong to the
        // ticket as created: it is counted under them from the start.
        foreach (var change in later.Where(c => c.At != createdAt).OrderByDescending(c => c.Version))
        {
            switch (change.Field)
            {
                case "type": type = Enum.GetValues<TicketType>().FirstOrDefault(v => v.ToSnakeCase() == change.OldValue, type); break;
                case "priority": priority = Enum.GetValues<TicketPriority>().FirstOrDefault(v => v.ToSnakeCase() == change.OldValue, priority); break;
                case "tags": tags = string.IsNullOrEmpty(change.OldValue) ? [] : change.OldValue.Split(", ", StringSplitOptions.RemoveEmptyEntries); break;
                case "group": groupId = Id(change.OldValue); break;
                case "assignee": assigneeId = Id(change.OldValue); break;
                case { } cf when cf.StartsWith(Ticket.CustomFieldPrefix, StringComparison.Ordinal)
                                 && fields?.ContainsKey(cf[Ticket.CustomFieldPrefix.Length..]) == true:
                    if (change.OldValue is null) displays.Remove(cf[Ticket.CustomFieldPrefix.Length..]);
                    else displays[cf[Ticket.CustomFieldPrefix.Length..]] = change.OldValue;
                    break;
            }
        }
        return new InitialFacts(channel, companyId, type, priority, tags, createdAt, groupId, assigneeId) { Fields = displays };
    }
}

/// <summary>Adds the tag and custom field counters' deltas to their rows: found (tracked or by their unique index) and
/// added to, or inserted.</summary>
internal static class ReportLabelFactWriter
{
    public static async Task AddAsync(OknoDb db, FactDeltas deltas, CancellationToken ct)
    {
        foreach (var ((day, tag), delta) in deltas.Tags)
        {
            var row = db.Set<ReportDailyTagFact>().Local.FirstOrDefault(t => t.Day == day && t.Tag == tag)
                ?? await db.Set<ReportDailyTagFact>().FirstOrDefaultAsync(t => t.Tag == tag && t.Day == day, ct);
            if (row is null) db.Add(row = new ReportDailyTagFact { Day = day, Tag = tag });
            row.Add(delta);
        }
        foreach (var ((day, field, value), delta) in deltas.Fields)
        {
            var row = db.Set<ReportDailyFieldFact>().Local.FirstOrDefault(f => f.Day == day && f.Field == field && f.Value == value)
                ?? await db.Set<ReportDailyFieldFact>().FirstOrDefaultAsync(f => f.Field == field && f.Value == value && f.Day == day, ct);
            if (row is null) db.Add(row = new ReportDailyFieldFact { Day = day, Field = field, Value = value });
            row.Add(delta);
        }
    }
}
