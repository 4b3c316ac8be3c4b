using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Reports.Kpi;
using Okno.Tickets;

namespace Okno.Reports.Schedules;

/// <summary>How often a schedule sends: every day (the previous day), every week on a weekday (the previous Monday–Sunday
/// week), every month on a day of the month (the previous calendar month).</summary>
public enum ScheduleFrequency { Daily, Weekly, Monthly }

/// <summary>A saved KPI report (S9) mailed as .xlsx to chosen agents on a schedule, in the desk's report time zone
/// (Okno:Reports:TimeZone). The job takes a due schedule by a conditional update of <see cref="NextDueAt"/> and
/// <see cref="LastSentPeriod"/> in the transaction that queues its mails, so it is sent once per period.</summary>
public sealed class ReportSchedule
{
    public const int NameMaxLength = 200;
    public const int ReportMaxLength = 64;
    public const int ErrorMaxLength = 1000;
    public const int MaxRecipients = 50;
    public const int MaxPerDesk = 100;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>A KPI catalog report key, or <see cref="KpiCatalog.Overview"/>.</summary>
    public string Report { get; set; } = "";
    public KpiInterval Interval { get; set; }
    public string? GroupBy { get; set; }
    public long? GroupId { get; set; }
    public long? AgentId { get; set; }
    public string? Channel { get; set; }
    public long? CompanyId { get; set; }
    public TicketType? Type { get; set; }
    public TicketPriority? Priority { get; set; }
    public string? Tag { get; set; }
    public ScheduleFrequency Frequency { get; set; }
    /// <summary>For <see cref="ScheduleFrequency.Weekly"/>: the day it goes out.</summary>
    public DayOfWeek? Weekday { get; set; }
    /// <summary>For <see cref="ScheduleFrequency.Monthly"/>: 1–28, so every month has it.</summary>
    public int? DayOfMonth { get; set; }
    /// <summary>The local time of day (report time zone) it goes out.</summary>
    public TimeOnly SendAt { get; set; }
    /// <summary>Active agents; the mail goes to each one's address.</summary>
    public List<long> RecipientIds { get; set; } = [];
    /// <summary>"ru" or "en" for every recipient; null: each recipient's own UI language.</summary>
    public string? Language { get; set; }
    public long OwnerId { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>The first day of the last period the schedule sent (by its own timing, not "send now").</summary>
    public DateOnly? LastSentPeriod { get; set; }
    public DateTimeOffset? LastSentAt { get; set; }
    /// <summary>When it is due next (UTC); null while disabled.</summary>
    public DateTimeOffset? NextDueAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ReportScheduleConfiguration : IEntityTypeConfiguration<ReportSchedule>
{
    public void Configure(EntityTypeBuilder<ReportSchedule> b)
    {
        b.ToTable("ReportSchedules");
        b.Property(s => s.Name).HasMaxLength(ReportSchedule.NameMaxLength);
        b.Property(s => s.Report).HasMaxLength(ReportSchedule.ReportMaxLength);
        // "cf." and a custom field's key at the longest.
        b.Property(s => s.GroupBy).HasMaxLength(KpiQuery.FieldPrefix.Length + Tickets.CustomFields.CustomFieldDefinition.KeyMaxLength);
        b.Property(s => s.Channel).HasMaxLength(ReportTicketState.ChannelMaxLength);
        b.Property(s => s.Tag).HasMaxLength(Tag.NameMaxLength);
        b.Property(s => s.Language).HasMaxLength(8);
        b.Property(s => s.LastError).HasMaxLength(ReportSchedule.ErrorMaxLength);
        // The job's scan: enabled schedules, soonest due first.
        b.HasIndex(s => new { s.NextDueAt, s.Id }).HasFilter("\"NextDueAt\" IS NOT NULL");
    }
}
