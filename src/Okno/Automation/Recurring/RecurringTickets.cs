using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Automation.Recurring;

/// <summary>A schedule as a client sends it (the editor's preview sends only these fields).</summary>
public sealed record RecurringScheduleInput(string? Rule, string? Start, string? TimeZone, long? CalendarId, bool? ShiftToWorkingDay, int? Count = null);

/// <summary>A planned ticket as a client sends it: the schedule and the ticket to open. <see cref="Body"/> is plain text,
/// written as a new ticket's first message is.</summary>
public sealed record RecurringTicketDefinition(
    string? Name, bool? Enabled, string? Rule, string? Start, string? TimeZone, long? CalendarId, bool? ShiftToWorkingDay,
    string? Subject, string? Body, long? ContactId, long? CompanyId, long? GroupId, TicketPriority? Priority, TicketType? Type, List<string?>? Tags);

public sealed record RecurringTicketView(
    long Id, string Name, bool Enabled, string Rule, string Start, string TimeZone, long? CalendarId, string? CalendarName, bool ShiftToWorkingDay,
    string Subject, string Body, long? ContactId, string? ContactName, long? CompanyId, long? GroupId, TicketPriority Priority, TicketType Type,
    IReadOnlyList<string> Tags, DateTimeOffset? NextOccurrenceAt, DateTimeOffset? LastOccurrenceAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An occurrence to come: the rule's instant and when the ticket is due after the move to a working day.</summary>
public sealed record OccurrenceView(DateTimeOffset OccursAt, DateTimeOffset PlannedAt, bool Moved);

/// <summary>An occurrence that was handled: the ticket it opened, or why none was (<c>missed</c>: more were missed while
/// Okno was down than one run creates; <c>no_customer</c>: the schedule's contact was deleted).</summary>
public sealed record HandledOccurrenceView(DateTimeOffset OccursAt, DateTimeOffset PlannedAt, DateTimeOffset CreatedAt, bool Late,
    long? TicketId, long? TicketNumber, string? TicketSubject, RecurringSkipReason? SkipReason);

public sealed record RecurringOccurrencesView(IReadOnlyList<OccurrenceView> Next, IReadOnlyList<HandledOccurrenceView> Recent);

public sealed record RecurringPreview(IReadOnlyList<OccurrenceView> Occurrences);

/// <summary>Planned tickets (S3 recurring work): list, read, create, change, delete, the next and last occurrences of one,
/// and a preview of a schedule for the editor (<c>/api/v1/recurring-tickets</c>).</summary>
public sealed class RecurringTickets(OknoDb db, TimeProvider clock, Audit audit)
{
    /// <summary>A desk has a handful of planned tickets; the list is read whole, by name, up to this many.</summary>
    public const int MaxListed = 500;
    public const int DefaultCount = 10;
    public const int MaxCount = 50;

    public async Task<IReadOnlyList<RecurringTicketView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.RecurringTickets.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).Take(MaxListed).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    public async Task<RecurringTicketView> GetAsync(long id, CancellationToken ct) =>
        (await ViewsAsync([await db.RecurringTickets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound(id)], ct))[0];

    public async Task<RecurringTicketView> CreateAsync(RecurringTicketDefinition definition, long agentId, CancellationToken ct)
    {
        var (clean, schedule) = await ValidateAsync(definition, ct);
        var language = await LanguageOfAsync(agentId, ct);
        var saved = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow();
            var row = new RecurringTicket { CreatedAt = now, Language = language };
            Store(row, clean, schedule, now);
            db.RecurringTickets.Add(row);
            await db.SaveChangesAsync(c);
            audit.Add(agentId, "recurring_ticket.created", $"recurring_ticket:{row.Id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return (await ViewsAsync([saved], ct))[0];
    }

    /// <summary>A change applies from now on: rule instants up to now that were not created are not created afterwards
    /// (an edited rule is a new plan); those already created keep their rows, so an instant the new rule shares with
    /// the old one is still never created twice.</summary>
    public async Task<RecurringTicketView> UpdateAsync(long id, RecurringTicketDefinition definition, long agentId, CancellationToken ct)
    {
        var (clean, schedule) = await ValidateAsync(definition, ct);
        var language = await LanguageOfAsync(agentId, ct);
        var saved = await db.WriteAsync(async c =>
        {
            var row = await db.RecurringTickets.SingleOrDefaultAsync(r => r.Id == id, c) ?? throw NotFound(id);
            var now = clock.GetUtcNow();
            Store(row, clean, schedule, now);
            row.Language = language;
            audit.Add(agentId, "recurring_ticket.changed", $"recurring_ticket:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return row;
        }, ct);
        return (await ViewsAsync([saved], ct))[0];
    }

    public async Task DeleteAsync(long id, long agentId, CancellationToken ct) =>
        await db.WriteAsync(async c =>
        {
            var row = await db.RecurringTickets.SingleOrDefaultAsync(r => r.Id == id, c) ?? throw NotFound(id);
            db.RecurringTickets.Remove(row);
            audit.Add(agentId, "recurring_ticket.deleted", $"recurring_ticket:{id}", row.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);

    /// <summary>The next <paramref name="count"/> occurrences still to come (after the move to working days, soonest due
    /// first; none when disabled) and the last <paramref name="count"/> handled ones with their tickets, newest first.</summary>
    public async Task<RecurringOccurrencesView> OccurrencesAsync(long id, int? count, CancellationToken ct)
    {
        var take = CheckCount(count, DefaultCount);
        var row = await db.RecurringTickets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound(id);
        var recent = await (from o in db.RecurringOccurrences.AsNoTracking()
                            where o.RecurringTicketId == id
                            orderby o.OccursAt descending
                            join t in db.Tickets on o.TicketId equals t.Id into tickets
                            from t in tickets.DefaultIfEmpty()
                            select new HandledOccurrenceView(o.OccursAt, o.PlannedAt, o.CreatedAt, o.Late, o.TicketId,
                                t == null ? null : t.Number, t == null ? null : t.Subject, o.SkipReason))
            .Take(take).ToListAsync(ct);
        IReadOnlyList<OccurrenceView> next = [];
        if (row.Enabled)
        {
            var schedule = RecurrenceSchedule.Of(row, await CalendarAsync(row.CalendarId, ct));
            var after = row.CoveredThrough;
            var handled = (await db.RecurringOccurrences.AsNoTracking().Where(o => o.RecurringTicketId == id && o.OccursAt > after)
                .Select(o => o.OccursAt).ToListAsync(ct)).ToHashSet();
            next = schedule.Next(after, take, handled).Select(View).ToList();
        }
        return new RecurringOccurrencesView(next, recent);
    }

    /// <summary>What a schedule would do from now on, for the editor: the next occurrences, soonest due first.</summary>
    public async Task<RecurringPreview> PreviewAsync(RecurringScheduleInput input, CancellationToken ct)
    {
        var count = CheckCount(input.Count, 5);
        var errors = new FieldErrors();
        var calendar = await CalendarAsync(input.CalendarId, errors, ct);
        var now = clock.GetUtcNow();
        var schedule = RecurrenceSchedule.TryCreate(input.Rule, input.Start, input.TimeZone, calendar, input.ShiftToWorkingDay == true, now, errors);
        errors.ThrowIfAny();
        return new RecurringPreview(schedule!.Next(now, count).Select(View).ToList());
    }

    private static int CheckCount(int? count, int fallback)
    {
        if (count is null) return fallback;
        if (count is >= 1 and <= MaxCount) return count.Value;
        throw new OknoException(InvalidInput.Field("count", RecurringErrorCodes.InvalidCount, $"count is 1 to {MaxCount}.", ("max", MaxCount)));
    }

    private static OccurrenceView View(PlannedOccurrence o) => new(o.OccursAt, o.PlannedAt, o.Moved);

    /// <summary>The agent's language, or the one they use now (the browser's) when they have not set one.</summary>
    private async Task<string> LanguageOfAsync(long agentId, CancellationToken ct) =>
        await db.Agents.Where(a => a.Id == agentId).Select(a => a.Language).SingleOrDefaultAsync(ct) is { Length: > 0 } language
            ? language
            : System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private async Task<((RecurringTicketDefinition Definition, List<string> Tags) Clean, RecurrenceSchedule Schedule)> ValidateAsync(
        RecurringTicketDefinition d, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", d.Name, RecurringTicket.NameMaxLength);
        errors.Text("subject", d.Subject, Ticket.SubjectMaxLength);
        MessageInput.Validate(d.Body, null, errors);
        TagCatalog.Validate(d.Tags, "tags", errors);
        if (d.ContactId is not { } contactId) errors.Required("contactId");
        else if (!await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
            errors.Add("contactId", CustomerErrorCodes.ContactNotFound, $"There is no contact {contactId}.", ("id", contactId));
        if (d.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, ct))
            errors.Add("companyId", CustomerErrorCodes.CompanyNotFound, $"There is no company {companyId}.", ("id", companyId));
        if (d.GroupId is { } groupId && !await db.Groups.AnyAsync(g => g.Id == groupId, ct))
            errors.Add("groupId", AdminErrorCodes.GroupNotFound, $"There is no group {groupId}.", ("id", groupId));
        var calendar = await CalendarAsync(d.CalendarId, errors, ct);
        var schedule = RecurrenceSchedule.TryCreate(d.Rule, d.Start, d.TimeZone, calendar, d.ShiftToWorkingDay == true, clock.GetUtcNow(), errors);
        errors.ThrowIfAny();
        var tags = (d.Tags ?? []).Select(t => Tag.Normalize(t!)).Where(t => t.Length > 0).Distinct().ToList();
        return ((d, tags), schedule!);
    }

    private async Task<BusinessCalendar?> CalendarAsync(long? id, FieldErrors errors, CancellationToken ct)
    {
        if (id is not { } calendarId) return null;
        var calendar = await CalendarAsync(calendarId, ct);
        if (calendar is null) errors.Add("calendarId", SlaErrorCodes.NotFound, $"There is no calendar {calendarId}.", ("id", calendarId));
        return calendar;
    }

    internal async Task<BusinessCalendar?> CalendarAsync(long? id, CancellationToken ct) =>
        id is { } calendarId && await db.SlaCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == calendarId, ct) is { } stored
            ? stored.Read().Validate()
            : null;

    private static void Store(RecurringTicket row, (RecurringTicketDefinition Definition, List<string> Tags) clean, RecurrenceSchedule schedule,
        DateTimeOffset now)
    {
        var d = clean.Definition;
        row.Name = d.Name!.Trim();
        row.Enabled = d.Enabled ?? true;
        row.Rule = RecurrenceSchedule.Normalize(d.Rule!);
        row.Start = d.Start!.Trim();
        row.TimeZone = schedule.Zone.Id;
        row.CalendarId = d.CalendarId;
        row.ShiftToWorkingDay = d.ShiftToWorkingDay == true;
        row.Subject = d.Subject!.Trim();
        row.Body = d.Body!.Trim();
        row.ContactId = d.ContactId;
        row.CompanyId = d.CompanyId;
        row.GroupId = d.GroupId;
        row.Priority = d.Priority ?? TicketPriority.Normal;
        row.Type = d.Type ?? TicketType.Request;
        row.Tags = JsonSerializer.Serialize(clean.Tags);
        // From now on: instants before the save are not owed (a schedule created with a start in the past does not
        // open a ticket for every month since).
        row.CoveredThrough = now;
        row.NextOccurrenceAt = row.Enabled ? schedule.Next(now, 1).Select(o => (DateTimeOffset?)o.PlannedAt).FirstOrDefault() : null;
        row.Version++;
        row.UpdatedAt = now;
    }

    private async Task<IReadOnlyList<RecurringTicketView>> ViewsAsync(IReadOnlyList<RecurringTicket> rows, CancellationToken ct)
    {
        var calendarIds = rows.Select(r => r.CalendarId).OfType<long>().Distinct().ToList();
        var contactIds = rows.Select(r => r.ContactId).OfType<long>().Distinct().ToList();
        var calendars = await db.SlaCalendars.AsNoTracking().Where(c => calendarIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return rows.Select(r => new RecurringTicketView(r.Id, r.Name, r.Enabled, r.Rule, r.Start, r.TimeZone, r.CalendarId,
            r.CalendarId is { } cid ? calendars.GetValueOrDefault(cid) : null, r.ShiftToWorkingDay, r.Subject, r.Body, r.ContactId,
            r.ContactId is { } kid ? contacts.GetValueOrDefault(kid) : null, r.CompanyId, r.GroupId, r.Priority, r.Type, r.ReadTags(),
            r.NextOccurrenceAt, r.LastOccurrenceAt, r.CreatedAt, r.UpdatedAt)).ToList();
    }

    internal static OknoException NotFound(long id) => new(new NotFound(RecurringErrorCodes.NotFound, "Planned ticket", id));
}
