using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Automation.Recurring;

/// <summary>A planned ticket: a schedule (an iCal RRULE from a local start in an IANA zone, optionally moved to the next
/// working day of a business calendar) and the ticket it opens at each occurrence. The job finds due schedules by
/// <see cref="NextOccurrenceAt"/> (null when disabled or when the rule has ended) and treats every rule instant up to
/// <see cref="CoveredThrough"/> as handled; each handled instant is a <see cref="RecurringOccurrence"/> row.</summary>
public sealed class RecurringTicket
{
    public const int NameMaxLength = 200;
    public const int RuleMaxLength = 500;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
    /// <summary>The RRULE value without the "RRULE:" prefix, as Ical.Net reads it.</summary>
    public string Rule { get; set; } = "";
    /// <summary>The first occurrence's local date and time, "yyyy-MM-ddTHH:mm" in <see cref="TimeZone"/> (text, so both
    /// databases keep it as written: it is a wall-clock time, not an instant).</summary>
    public string Start { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public long? CalendarId { get; set; }
    public bool ShiftToWorkingDay { get; set; }

    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public long? ContactId { get; set; }
    public long? CompanyId { get; set; }
    public long? GroupId { get; set; }
    public TicketPriority Priority { get; set; }
    public TicketType Type { get; set; }
    /// <summary>JSON array of tag names.</summary>
    public string Tags { get; set; } = "[]";
    /// <summary>The language of the internal note on each ticket: the saving admin's.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Every rule instant up to here is handled (created or skipped) or lies before the schedule was saved.</summary>
    public DateTimeOffset CoveredThrough { get; set; }
    public DateTimeOffset? NextOccurrenceAt { get; set; }
    /// <summary>The rule instant of the last occurrence that opened a ticket.</summary>
    public DateTimeOffset? LastOccurrenceAt { get; set; }
    /// <summary>Raised by every edit, so the job's write of its progress never undoes an edit made meanwhile.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> ReadTags() => JsonSerializer.Deserialize<List<string>>(Tags) ?? [];
}

public enum RecurringSkipReason { Missed, NoCustomer }

/// <summary>One rule instant of a schedule that was handled: the ticket it opened (late or on time), or why none was.
/// The unique (schedule, instant) index is what keeps an occurrence from being created twice by two nodes or two runs:
/// the row is written in the ticket's own transaction.</summary>
public sealed class RecurringOccurrence
{
    public long Id { get; set; }
    public long RecurringTicketId { get; set; }
    /// <summary>The RRULE instant (UTC), before any move to a working day: the occurrence's identity.</summary>
    public DateTimeOffset OccursAt { get; set; }
    /// <summary>When the ticket was due after the move to a working day.</summary>
    public DateTimeOffset PlannedAt { get; set; }
    public long? TicketId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Late { get; set; }
    public RecurringSkipReason? SkipReason { get; set; }
}

internal sealed class RecurringTicketConfiguration : IEntityTypeConfiguration<RecurringTicket>
{
    public void Configure(EntityTypeBuilder<RecurringTicket> b)
    {
        b.ToTable("RecurringTickets");
        b.Property(r => r.Name).HasMaxLength(RecurringTicket.NameMaxLength);
        b.Property(r => r.Rule).HasMaxLength(RecurringTicket.RuleMaxLength);
        b.Property(r => r.Start).HasMaxLength(16);
        b.Property(r => r.TimeZone).HasMaxLength(64);
        b.Property(r => r.Subject).HasMaxLength(Ticket.SubjectMaxLength);
        b.Property(r => r.Body).HasMaxLength(Message.BodyMaxLength);
        b.Property(r => r.Tags).HasMaxLength(2000);
        b.Property(r => r.Language).HasMaxLength(8);
        // The job's scan: due schedules, soonest first; disabled and ended ones have no next occurrence.
        b.HasIndex(r => new { r.NextOccurrenceAt, r.Id }).HasFilter("\"NextOccurrenceAt\" IS NOT NULL");
        // A deleted calendar, contact, company or group leaves the schedule without it (the job then skips occurrences
        // that have no customer, and says so) rather than blocking the deletion from a section that knows nothing of it.
        b.HasOne<SlaCalendar>().WithMany().HasForeignKey(r => r.CalendarId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RecurringOccurrenceConfiguration : IEntityTypeConfiguration<RecurringOccurrence>
{
    public void Configure(EntityTypeBuilder<RecurringOccurrence> b)
    {
        b.ToTable("RecurringOccurrences");
        b.HasIndex(o => new { o.RecurringTicketId, o.OccursAt }).IsUnique();
        b.HasOne<RecurringTicket>().WithMany().HasForeignKey(o => o.RecurringTicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class RecurringData
{
    extension(OknoDb db)
    {
        public DbSet<RecurringTicket> RecurringTickets => db.Set<RecurringTicket>();
        public DbSet<RecurringOccurrence> RecurringOccurrences => db.Set<RecurringOccurrence>();
    }
}
