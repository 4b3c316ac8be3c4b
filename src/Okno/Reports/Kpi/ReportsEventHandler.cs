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
    /// <summary>The batch's events that move counters, in order (per ticket too): read and counted together before the
    /// batch commits — the ticket states in one query, the creations' facts in two or three, instead of two or three
    /// queries per event.</summary>
    private readonly List<TicketDomainEvent> _events = [];
    /// <summary>The reportable custom fields, read once per batch (the handler is scoped to one).</summary>
    private ReportFieldValues.Fields? _fields;

    public string Name => "reports";

    // Reports are read later, not at once: the events reach the handler at its next poll.
    public bool WakesFor(string eventType) => false;
    public bool InBackground => true;

    public async Task HandleAsync(TicketDomainEvent e, CancellationToken ct)
    {
        if (!options.Value.Maintain) return;
        if (e is TicketSubjectChanged or NoteAdded or TicketLinked or TicketUnlinked or TicketBotChanged or TicketCustomerChanged
            or TicketServiceObjectChanged or TicketContractChanged or ChecklistItemTicked or WorkLineChanged
            or TicketMerged or SlaAlertRaised { Breach: false }) return;
        var fields = _fields ??= await ReportFieldValues.FieldsAsync(db, ct);
        if (e is TicketCustomFieldChanged changed && !fields.Types.ContainsKey(changed.Key)) return;
        _events.Add(e);
    }

    public async Task BeforeCommitAsync(CancellationToken ct)
    {
        if (_events.Count > 0) await CountAsync(ct);
        if (_deltas.IsEmpty) return;   // the dispatcher saves the tracked ticket states
        await ReportLabelFactWriter.AddAsync(db, _deltas, ct);
        await db.SaveChangesAsync(ct);
        // The wide rows and the rollups by upserts, in this transaction too (the dispatcher's): one round trip, no reads.
        var statements = new StatementBatch(db);
        await ReportRollups.AddAsync(statements, _deltas.Facts.Select(f => (f.Key, (ReportDailyCounters)f.Value)).ToList(), ct);
        await statements.FlushAsync(ct);
        _deltas.Clear();
    }

    /// <summary>Moves the counters of the gathered events, in order.</summary>
    private async Task CountAsync(CancellationToken ct)
    {
        var fields = _fields!;
        var ledger = new ReportLedger(options.Value.Zone, await sla.CurrentAsync(db, ct), fields.Types);
        var ids = _events.Select(e => e.TicketId).Distinct().ToList();
        var states = await db.Set<ReportTicketState>().Where(s => ids.Contains(s.TicketId)).ToDictionaryAsync(s => s.TicketId, ct);
        var creations = _events.OfType<TicketCreated>().Where(c => !states.ContainsKey(c.TicketId)).GroupBy(c => c.TicketId).Select(g => g.First()).ToList();
        var facts = creations.Count == 0 ? [] : await InitialFactsAsync(db, creations, fields, ct);
        foreach (var e in _events)
        {
            var state = states.GetValueOrDefault(e.TicketId);
            if (e is TicketCreated created)
            {
                if (state is not null || !facts.TryGetValue(created.TicketId, out var initial)) continue;
                db.Add(states[created.TicketId] = ledger.Start(created, initial, _deltas));
            }
            // A ticket from before the reports existed (the rebuild counts it), or an event already counted.
            else if (state is not null && e.TicketVersion > state.LastVersion) ledger.Apply(e, state, _deltas);
        }
        _events.Clear();
    }

    /// <summary>The tickets' facts as created: their current ones, undone by the later changes of their history when they
    /// have changed since the event (the handler may run behind). A ticket no longer there is left out.</summary>
    private static async Task<Dictionary<long, InitialFacts>> InitialFactsAsync(OknoDb db, IReadOnlyList<TicketCreated> creations,
        ReportFieldValues.Fields fields, CancellationToken ct)
    {
        var ids = creations.Select(c => c.TicketId).ToList();
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Type, t.Priority, t.CompanyId, t.CreatedAt, t.Version, t.GroupId, t.AssigneeId })
            .ToDictionaryAsync(t => t.Id, ct);
        var tags = await TicketTagNames.OfAsync(db, ids, ct);
        var changed = creations.Where(c => tickets.TryGetValue(c.TicketId, out var t) && t.Version > c.TicketVersion).Select(c => c.TicketId).ToList();
        var history = changed.Count == 0 ? [] : await db.TicketEvents.AsNoTracking()
            .Where(h => changed.Contains(h.TicketId) && h.Kind == TicketEventKind.Changed
                && (h.Field == "type" || h.Field == "priority" || h.Field == "tags" || h.Field == "group" || h.Field == "assignee"
                    || h.Field!.StartsWith(Ticket.CustomFieldPrefix)))
            .Select(h => new { h.TicketId, Change = new HistoryChange(h.TicketVersion, h.Field!, h.OldValue, h.At) }).ToListAsync(ct);
        var later = history.ToLookup(h => h.TicketId, h => h.Change);
        var displays = await ReportFieldValues.DisplaysAsync(db, fields, ids, ct);
        var facts = new Dictionary<long, InitialFacts>();
        foreach (var created in creations)
        {
            if (!tickets.TryGetValue(created.TicketId, out var ticket)) continue;
            facts[created.TicketId] = Undo(created.Channel, ticket.CompanyId, ticket.Type, ticket.Priority, tags[ticket.Id].ToList(), ticket.CreatedAt, ticket.GroupId,
                ticket.AssigneeId, later[created.TicketId].Where(c => c.Version > created.TicketVersion), displays.GetValueOrDefault(created.TicketId), fields.Types);
        }
        return facts;
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
