using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Customers;
using Okno.Tickets;

namespace Okno.Admin;

/// <summary>One line of the audit page: an administrative action (<see cref="AuditEntry"/>) or a ticket action (a row of
/// a ticket's history), in the same shape.</summary>
/// <param name="Source"><c>admin</c> or <c>ticket</c>.</param>
/// <param name="Action">For administration as recorded ("agent.created"); for tickets <c>ticket.created</c>,
/// <c>ticket.changed.status</c> (and the other fields), <c>ticket.message</c>, <c>ticket.note</c>, <c>ticket.merged</c>,
/// <c>ticket.linked</c>, <c>ticket.unlinked</c>.</param>
/// <param name="Object">What it was done to: the audit entry's target, or "#number" of the ticket.</param>
public sealed record AuditRow(string Source, long Id, DateTimeOffset At, ActorKind ActorKind, long? ActorId, string? ActorName, string Action,
    string Object, long? TicketId, string? Details, string? IpAddress);

/// <summary>What the audit page and its CSV filter on; all optional. <see cref="TicketNumber"/> narrows to one ticket's
/// history (and to administration whose target names it). <see cref="Object"/>: one object as "type:id", the way
/// administration names its targets ("agent:5", "group:3", "webhook:7"); "ticket:number" is the same as
/// <see cref="TicketNumber"/>.</summary>
public sealed record AuditFilter(long? AgentId = null, string? Source = null, string? Action = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, long? TicketNumber = null, string? Object = null)
{
    /// <summary>The filter with an "ticket:number" object read as the ticket filter.</summary>
    public AuditFilter Normalized() =>
        Object is { } o && o.StartsWith("ticket:", StringComparison.Ordinal) && long.TryParse(o["ticket:".Length..].TrimStart('#'), NumberStyles.None,
            CultureInfo.InvariantCulture, out var number)
            ? this with { Object = null, TicketNumber = number }
            : this;
}

/// <summary>Who did what, when, to which object — administration and ticket actions together, newest first, for admins
/// (<c>GET /api/v1/audit</c>, <c>/api/v1/audit.csv</c>, the Audit page). Each source is read by its own index range (time;
/// or the agent and time; or the ticket) and the two are merged, so a page costs the same on a desk of any size; the
/// cursor remembers where each source stopped.</summary>
public sealed class AuditLog(OknoDb db)
{
    public const string AdminSource = "admin";
    public const string TicketSource = "ticket";
    public const int MaxCsvRows = 100_000;

    public static readonly IReadOnlyList<string> TicketActions =
    [
        "ticket.created", "ticket.message", "ticket.note", "ticket.changed.status", "ticket.changed.priority", "ticket.changed.type",
        "ticket.changed.subject", "ticket.changed.group", "ticket.changed.assignee", "ticket.changed.tags", "ticket.changed.customer",
        "ticket.merged", "ticket.linked", "ticket.unlinked", "ticket.sla", "ticket.escalated",
    ];

    public async Task<Page<AuditRow>> ListAsync(AuditFilter filter, int limit, string? cursor, CancellationToken ct)
    {
        Validate(filter);
        filter = filter.Normalized();
        // Cursor: where each source stopped (ticks and id of its last row shown), 0 0 when it was not read yet.
        var keys = Paging.Decode(cursor, 4) ?? [long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue];
        var admin = filter.Source is null or AdminSource ? await AdminRowsAsync(filter, keys[0], keys[1], limit + 1, ct) : [];
        var tickets = filter.Source is null or TicketSource ? await TicketRowsAsync(filter, keys[2], keys[3], limit + 1, ct) : [];
        var merged = admin.Concat(tickets).OrderByDescending(r => r.At).ThenByDescending(r => r.Source).ThenByDescending(r => r.Id).ToList();
        var page = merged.Take(limit).ToList();
        await NameAsync(page, ct);
        if (merged.Count <= limit) return new Page<AuditRow>(page, null);
        long[] next = [.. keys];
        foreach (var row in page)
        {
            if (row.Source == AdminSource) (next[0], next[1]) = (row.At.UtcTicks, row.Id);
            else (next[2], next[3]) = (row.At.UtcTicks, row.Id);
        }
        return new Page<AuditRow>(page, Paging.Encode(next));
    }

    public static void Validate(AuditFilter filter)
    {
        var errors = new FieldErrors();
        if (filter.Source is not (null or AdminSource or TicketSource))
            errors.Add("source", ErrorCodes.InvalidValue, "source is admin or ticket.", ("value", filter.Source));
        if (filter.Action is { Length: > 64 }) errors.TooLong("action", 64);
        if (filter.Object is { } o && (o.Length > 200 || o.IndexOf(':') is < 1 || o.EndsWith(':') || o.Any(char.IsWhiteSpace)
                || o.StartsWith("ticket:", StringComparison.Ordinal) && filter.Normalized().Object is not null))
            errors.Add("object", ErrorCodes.InvalidValue, "object is type:id, for example agent:5 or ticket:1024.", ("value", o.Length > 200 ? o[..200] : o));
        if (filter.From is { } from && filter.To is { } to && from > to)
            errors.Add("from", ErrorCodes.InvalidValue, "from is after to.", ("value", from.ToString("O", CultureInfo.InvariantCulture)));
        errors.ThrowIfAny();
    }

    private async Task<List<AuditRow>> AdminRowsAsync(AuditFilter f, long ticks, long id, int take, CancellationToken ct)
    {
        if (f.Action is { } a && a.StartsWith("ticket.", StringComparison.Ordinal)) return [];
        var rows = db.AuditEntries.AsNoTracking().AsQueryable();
        if (f.AgentId is { } agent) rows = rows.Where(e => e.AgentId == agent);
        if (f.Action is { } action) rows = rows.Where(e => e.Action == action);
        if (f.Object is { } objectRef) rows = rows.Where(e => e.Target == objectRef);
        if (f.From is { } from) rows = rows.Where(e => e.At >= from);
        if (f.To is { } to) rows = rows.Where(e => e.At <= to);
        if (f.TicketNumber is { } number)
        {
            var target = "#" + number.ToString(CultureInfo.InvariantCulture);
            rows = rows.Where(e => e.Target.Contains(target));
        }
        if (ticks != long.MaxValue)
        {
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            rows = rows.Where(e => e.At < at || (e.At == at && e.Id < id));
        }
        var list = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct);
        return list.Select(e => new AuditRow(AdminSource, e.Id, e.At, e.AgentId is null ? ActorKind.System : ActorKind.Agent, e.AgentId, null,
            e.Action, e.Target, null, e.Details, e.IpAddress)).ToList();
    }

    private async Task<List<AuditRow>> TicketRowsAsync(AuditFilter f, long ticks, long id, int take, CancellationToken ct)
    {
        if (f.Action is { } a && !a.StartsWith("ticket.", StringComparison.Ordinal)) return [];
        // Another kind of object than a ticket: administration only.
        if (f.Object is not null) return [];
        var rows = db.TicketEvents.AsNoTracking().AsQueryable();
        if (f.TicketNumber is { } number)
        {
            var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).SingleOrDefaultAsync(ct);
            if (ticketId is null) return [];
            rows = rows.Where(e => e.TicketId == ticketId);
        }
        if (f.AgentId is { } agent) rows = rows.Where(e => e.ActorKind == ActorKind.Agent && e.ActorId == agent);
        if (f.Action is { } action) rows = ActionIs(rows, action);
        if (f.From is { } from) rows = rows.Where(e => e.At >= from);
        if (f.To is { } to) rows = rows.Where(e => e.At <= to);
        if (ticks != long.MaxValue)
        {
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            rows = rows.Where(e => e.At < at || (e.At == at && e.Id < id));
        }
        var list = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new { e.Id, e.At, e.ActorKind, e.ActorId, e.Kind, e.Field, e.OldValue, e.NewValue, e.TicketId, e.Ticket.Number })
            .ToListAsync(ct);
        return list.Select(e => new AuditRow(TicketSource, e.Id, e.At, e.ActorKind, e.ActorId, null, ActionOf(e.Kind, e.Field),
            "#" + e.Number.ToString(CultureInfo.InvariantCulture), e.TicketId,
            e.Kind == TicketEventKind.Changed || e.Kind is TicketEventKind.Merged or TicketEventKind.Linked or TicketEventKind.Unlinked or TicketEventKind.Escalated
                ? $"{e.OldValue} → {e.NewValue}" : null, null)).ToList();
    }

    private static IQueryable<TicketEvent> ActionIs(IQueryable<TicketEvent> rows, string action) => action switch
    {
        "ticket.created" => rows.Where(e => e.Kind == TicketEventKind.Created),
        "ticket.message" => rows.Where(e => e.Kind == TicketEventKind.MessageAdded),
        "ticket.note" => rows.Where(e => e.Kind == TicketEventKind.NoteAdded),
        "ticket.merged" => rows.Where(e => e.Kind == TicketEventKind.Merged),
        "ticket.linked" => rows.Where(e => e.Kind == TicketEventKind.Linked),
        "ticket.unlinked" => rows.Where(e => e.Kind == TicketEventKind.Unlinked),
        "ticket.sla" => rows.Where(e => e.Kind == TicketEventKind.SlaAlert),
        "ticket.escalated" => rows.Where(e => e.Kind == TicketEventKind.Escalated),
        _ when action.StartsWith("ticket.changed.", StringComparison.Ordinal) =>
            rows.Where(e => e.Kind == TicketEventKind.Changed && e.Field == action.Substring("ticket.changed.".Length)),
        _ => rows.Where(e => false),
    };

    internal static string ActionOf(TicketEventKind kind, string? field) => kind switch
    {
        TicketEventKind.Created => "ticket.created",
        TicketEventKind.MessageAdded => "ticket.message",
        TicketEventKind.NoteAdded => "ticket.note",
        TicketEventKind.Merged => "ticket.merged",
        TicketEventKind.Linked => "ticket.linked",
        TicketEventKind.Unlinked => "ticket.unlinked",
        TicketEventKind.SlaAlert => "ticket.sla",
        TicketEventKind.Escalated => "ticket.escalated",
        _ => "ticket.changed." + field,
    };

    /// <summary>Agents' and contacts' names for one page, two reads.</summary>
    private async Task NameAsync(List<AuditRow> rows, CancellationToken ct)
    {
        var agentIds = rows.Where(r => r.ActorKind == ActorKind.Agent && r.ActorId is not null).Select(r => r.ActorId!.Value).Distinct().ToList();
        var contactIds = rows.Where(r => r.ActorKind == ActorKind.Contact && r.ActorId is not null).Select(r => r.ActorId!.Value).Distinct().ToList();
        var agents = agentIds.Count == 0 ? [] : await db.Agents.Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var contacts = contactIds.Count == 0 ? [] : await db.Contacts.Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var name = r.ActorKind switch
            {
                ActorKind.Agent when r.ActorId is { } a => agents.GetValueOrDefault(a),
                ActorKind.Contact when r.ActorId is { } c => contacts.GetValueOrDefault(c),
                _ => null,
            };
            rows[i] = r with { ActorName = name };
        }
    }

    /// <summary>The rows of a filter as CSV (UTF-8 with a BOM, so spreadsheet programs read Cyrillic), at most
    /// <see cref="MaxCsvRows"/>, written page by page. A cell that a spreadsheet would run as a formula (=, +, -, @) is
    /// escaped.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var config = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape,
        };
        await using var csv = new CsvHelper.CsvWriter(writer, config);
        foreach (var header in new[] { "at", "source", "actor_kind", "actor_id", "actor", "action", "object", "details", "ip" }) csv.WriteField(header);
        await csv.NextRecordAsync();
        string? cursor = null;
        var written = 0;
        do
        {
            var page = await ListAsync(filter, Paging.MaxLimit, cursor, ct);
            foreach (var r in page.Items)
            {
                csv.WriteField(r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(r.Source);
                csv.WriteField(r.ActorKind.ToSnakeCase());
                csv.WriteField(r.ActorId?.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.ActorName);
                csv.WriteField(r.Action);
                csv.WriteField(r.Object);
                csv.WriteField(r.Details);
                csv.WriteField(r.IpAddress);
                await csv.NextRecordAsync();
            }
            written += page.Items.Count;
            cursor = page.NextCursor;
        } while (cursor is not null && written < MaxCsvRows);
        await csv.FlushAsync();
    }

    /// <summary>The same rows as <see cref="WriteCsvAsync"/>, as .xlsx (the time as a UTC date-time cell).</summary>
    public Task WriteXlsxAsync(AuditFilter filter, Stream output, CancellationToken ct) =>
        Reports.Exports.ReportExport.TableXlsxAsync("audit", ["at", "source", "actor_kind", "actor_id", "actor", "action", "object", "details", "ip"],
            RowsAsync(filter, ct), output, ct);

    private async IAsyncEnumerable<object?[]> RowsAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        var written = 0;
        do
        {
            var page = await ListAsync(filter, Paging.MaxLimit, cursor, ct);
            foreach (var r in page.Items)
                yield return [r.At, r.Source, r.ActorKind.ToSnakeCase(), r.ActorId, r.ActorName, r.Action, r.Object, r.Details, r.IpAddress];
            written += page.Items.Count;
            cursor = page.NextCursor;
        } while (cursor is not null && written < MaxCsvRows);
    }
}
