using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Localization;
using Okno.Platform.Text;
using Okno.Tickets;
using Quartz;

namespace Okno.Automation.Recurring;

/// <summary>Every minute: the schedules whose next occurrence has come (from the index of
/// <see cref="RecurringTicket.NextOccurrenceAt"/>) open a ticket for each rule instant that is due and not yet handled.
/// After downtime every missed instant is handled once: the latest <see cref="MaxCreatedPerRun"/> open tickets marked
/// late, older ones are recorded as skipped (<see cref="RecurringSkipReason.Missed"/>), so a week off with a
/// quarter-hourly plan does not flood the desk. Several nodes (or a run repeated after a crash) may try the same
/// instant: its row is written in the ticket's own transaction under a unique index, so only one ticket is ever
/// opened for it.</summary>
[DisallowConcurrentExecution]
internal sealed class RecurringTicketScan(OknoDb db, RecurringTickets schedules, TicketCreations creations, MessageBodies bodies,
    IStringLocalizer<Ui.RecurringStrings> strings, TimeProvider clock, ILogger<RecurringTicketScan> logger) : IJob
{
    public static readonly JobKey Key = new("recurring-tickets");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    public const int MaxCreatedPerRun = 10;
    /// <summary>An occurrence opened later than this after it was due is marked late (the job runs every minute).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);
    private const int SchedulesPerRun = 200;
    /// <summary>Instants looked at in one step of one schedule; a longer backlog is skipped a step at a time.</summary>
    private const int MaxInstantsPerStep = 1000;

    public static void Schedule(IQuartzBuilder quartz) =>
        quartz.ScheduleJob<RecurringTicketScan>(
            trigger => trigger.WithIdentity(Key.Name).StartAt(DateTimeOffset.UtcNow + Every)
                .WithSimpleSchedule(s => s.WithInterval(Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(Key));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Handles every due schedule; returns how many tickets it opened.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.RecurringTickets.AsNoTracking().Where(r => r.NextOccurrenceAt != null && r.NextOccurrenceAt <= now)
            .OrderBy(r => r.NextOccurrenceAt).ThenBy(r => r.Id).Select(r => r.Id).Take(SchedulesPerRun).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var id in due)
        {
            try
            {
                created += await RunScheduleAsync(id, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken schedule must not hold up the others; it is tried again at the next run.
                logger.LogError(e, "Planned ticket {Id} failed", id);
            }
        }
        return created;
    }

    private async Task<int> RunScheduleAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await db.RecurringTickets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { Enabled: true } row) return 0;
        var schedule = RecurrenceSchedule.Of(row, await schedules.CalendarAsync(row.CalendarId, ct));
        var created = 0;
        var covered = row.CoveredThrough;
        DateTimeOffset? lastCreated = row.LastOccurrenceAt;
        while (true)
        {
            var handled = await HandledAsync(id, covered, ct);
            // Due: instant and due time both past. Pending: instant past, due time not yet (moved to a working day).
            var dueNow = new List<PlannedOccurrence>();
            DateTimeOffset? firstPending = null;
            var full = false;
            foreach (var occurrence in schedule.Occurrences(covered))
            {
                if (occurrence.OccursAt > now) break;
                if (occurrence.PlannedAt > now) firstPending ??= occurrence.OccursAt;
                else if (!handled.Contains(occurrence.OccursAt)) dueNow.Add(occurrence);
                if (dueNow.Count >= MaxInstantsPerStep) { full = true; break; }
            }
            var toCreate = full ? [] : dueNow.TakeLast(MaxCreatedPerRun).ToList();
            var toSkip = dueNow.Take(dueNow.Count - toCreate.Count).ToList();
            if (toSkip.Count > 0) await SkipAsync(row, toSkip, RecurringSkipReason.Missed, now, ct);
            foreach (var occurrence in toCreate)
            {
                if (await CreateAsync(row, schedule, occurrence, now, ct))
                {
                    created++;
                    if (lastCreated is null || occurrence.OccursAt > lastCreated) lastCreated = occurrence.OccursAt;
                }
            }
            if (full)
            {
                // An instant still waiting for its working day stays ahead of the cover.
                covered = firstPending is { } waiting && waiting <= dueNow[^1].OccursAt ? waiting.AddTicks(-1) : dueNow[^1].OccursAt;
                continue;
            }
            // Up to now everything is handled but instants still waiting for their working day.
            covered = firstPending is { } pending ? pending.AddTicks(-1) : now;
            break;
        }
        var next = schedule.Next(covered, 1, await HandledAsync(id, covered, ct)).Select(o => (DateTimeOffset?)o.PlannedAt).FirstOrDefault();
        // Only if nobody edited the schedule meanwhile: an edit starts the plan over from its own save.
        await db.RecurringTickets.Where(r => r.Id == id && r.Version == row.Version).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CoveredThrough, covered)
            .SetProperty(r => r.NextOccurrenceAt, next)
            .SetProperty(r => r.LastOccurrenceAt, lastCreated), ct);
        return created;
    }

    private async Task<HashSet<DateTimeOffset>> HandledAsync(long id, DateTimeOffset after, CancellationToken ct) =>
        (await db.RecurringOccurrences.AsNoTracking().Where(o => o.RecurringTicketId == id && o.OccursAt > after)
            .Select(o => o.OccursAt).ToListAsync(ct)).ToHashSet();

    private async Task SkipAsync(RecurringTicket row, IReadOnlyList<PlannedOccurrence> skipped, RecurringSkipReason reason, DateTimeOffset now,
        CancellationToken ct)
    {
        await db.WriteAsync(async c =>
        {
            // Read inside the transaction: a retry after another node's insert finds those rows and leaves them.
            var first = skipped[0].OccursAt;
            var handled = (await db.RecurringOccurrences.Where(o => o.RecurringTicketId == row.Id && o.OccursAt >= first)
                .Select(o => o.OccursAt).ToListAsync(c)).ToHashSet();
            foreach (var o in skipped.Where(o => !handled.Contains(o.OccursAt)))
                db.RecurringOccurrences.Add(new RecurringOccurrence
                {
                    RecurringTicketId = row.Id, OccursAt = o.OccursAt, PlannedAt = o.PlannedAt, CreatedAt = now, Late = true, SkipReason = reason,
                });
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        db.ChangeTracker.Clear();
        logger.LogWarning("Planned ticket {Id} ({Name}): {Count} missed occurrences skipped, the latest {Max} are created", row.Id, row.Name,
            skipped.Count, MaxCreatedPerRun);
    }

    /// <summary>Opens the occurrence's ticket through the one ticket-creation path, with the occurrence row and an internal
    /// note in its transaction; false when the occurrence was handled already (another node, an earlier run).</summary>
    private async Task<bool> CreateAsync(RecurringTicket row, RecurrenceSchedule schedule, PlannedOccurrence occurrence, DateTimeOffset now,
        CancellationToken ct)
    {
        // A deleted contact leaves the schedule without one (the foreign key is set null).
        if (row.ContactId is not { } contactId || !await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
        {
            await SkipAsync(row, [occurrence], RecurringSkipReason.NoCustomer, now, ct);
            return false;
        }
        var late = now - occurrence.PlannedAt > LateAfter;
        var note = bodies.FromText(NoteText(row, schedule, occurrence, late));
        var ticket = new NewTicket(row.Subject, bodies.FromText(row.Body), [], CustomerIdentity.Known(contactId), ChannelKind.Api,
            row.Priority, row.Type, row.ReadTags(), row.GroupId, null, Actor.System)
        {
            AlsoWrite = async (tx, created, c) =>
            {
                if (await tx.RecurringOccurrences.AnyAsync(o => o.RecurringTicketId == row.Id && o.OccursAt == occurrence.OccursAt, c))
                    throw new OccurrenceHandledException();
                var at = created.CreatedAt;
                if (row.CompanyId is { } companyId) created.ChangeCustomer(created.ContactId, companyId, Actor.System, at);
                created.AddMessage(new Message(MessageDirection.Out, true, Actor.System, note.Text, note.Html, at), at);
                tx.RecurringOccurrences.Add(new RecurringOccurrence
                {
                    RecurringTicketId = row.Id, OccursAt = occurrence.OccursAt, PlannedAt = occurrence.PlannedAt, TicketId = created.Id,
                    CreatedAt = at, Late = late,
                });
            },
        };
        try
        {
            await creations.CreateAsync(ticket, ct);
            return true;
        }
        catch (OccurrenceHandledException)
        {
            return false;
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException update && db.IsUniqueViolation(update))
        {
            // Lost every retry to other nodes writing the same instant: it is theirs.
            return false;
        }
    }

    private string NoteText(RecurringTicket row, RecurrenceSchedule schedule, PlannedOccurrence occurrence, bool late)
    {
        var culture = CultureInfo.GetCultureInfo(row.Language.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? "ru" : "en");
        var planned = TimeZoneInfo.ConvertTime(occurrence.PlannedAt, schedule.Zone).ToString("d MMMM yyyy, HH:mm", culture) + " (" + schedule.Zone.Id + ")";
        return InCulture.Read(culture, () => strings[late ? "NoteCreatedLate" : "NoteCreated", row.Name, planned].Value);
    }

    /// <summary>The occurrence's row is there already: another node or an earlier run opened its ticket.</summary>
    private sealed class OccurrenceHandledException() : Exception("The occurrence was handled already.");
}
