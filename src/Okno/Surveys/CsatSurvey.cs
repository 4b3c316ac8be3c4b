using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Surveys;

/// <summary>Where a survey is: waiting for its delay (<see cref="Scheduled"/>), asked (<see cref="Sent"/>), rated
/// (<see cref="Answered"/>), called off because the ticket was reopened before it went (<see cref="Cancelled"/>), or
/// not sendable (<see cref="Skipped"/>: no address, no channel, the survey switched off meanwhile).</summary>
public enum CsatStatus { Scheduled, Sent, Answered, Cancelled, Skipped }

/// <summary>One CSAT question about one resolution of a ticket, and its answer. A row per resolution (a reopened and
/// re-resolved ticket gets a new one), keyed by the resolving event so an event handled again adds nothing. The row is
/// also the answers table the reports read: ticket, resolution time, channel, group, agent, company, rating, comment and
/// answered-at are copied here when the ticket is resolved, so a later move of the ticket does not move its rating.</summary>
public sealed class CsatSurvey
{
    public const int CommentMaxLength = 2000;
    public const int TokenHashLength = 64;
    public const int SkipReasonMaxLength = 200;

    public long Id { get; set; }
    public long TicketId { get; set; }
    /// <summary>The <see cref="Tickets.Events.TicketStatusChanged"/> event that resolved the ticket: unique.</summary>
    public long ResolutionEventId { get; set; }
    public long ContactId { get; set; }
    public long? CompanyId { get; set; }
    public long? GroupId { get; set; }
    /// <summary>Who had the ticket when it was resolved.</summary>
    public long? AgentId { get; set; }
    /// <summary>The ticket's channel kind, whose settings applied.</summary>
    public ChannelKind Channel { get; set; }
    public DateTimeOffset ResolvedAt { get; set; }
    /// <summary>When the question goes out (resolution plus the delay).</summary>
    public DateTimeOffset DueAt { get; set; }
    public CsatStatus Status { get; set; }
    /// <summary>"ru" or "en": the customer's language, as their first message was written.</summary>
    public string Language { get; set; } = "en";
    /// <summary>SHA-256 (hex) of the survey link's token; the token itself is only in the message sent.</summary>
    public string? TokenHash { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>1 (bad) to 5 (excellent); null until answered.</summary>
    public int? Rating { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? CommentedAt { get; set; }
    public string? SkipReason { get; set; }
}

/// <summary>CSAT settings at one level: the desk's default (<see cref="DefaultKey"/>), a channel kind ("channel:email")
/// or a group ("group:12"). The group's row wins over the channel's, which wins over the default; a text left empty
/// falls back to the next level and finally to the shipped text.</summary>
public sealed class CsatSetting
{
    public const string DefaultKey = "default";
    public const int KeyMaxLength = 64;
    public const int TextMaxLength = 2000;
    public const int MaxDelayMinutes = 7 * 24 * 60;

    public long Id { get; set; }
    public string Key { get; set; } = DefaultKey;
    public string? Channel { get; set; }
    public long? GroupId { get; set; }
    public bool Enabled { get; set; }
    public int DelayMinutes { get; set; }
    public string? TextEn { get; set; }
    public string? TextRu { get; set; }
    /// <summary>On the default row only: ratings at or below it notify the supervisors; 0 switches that off.</summary>
    public int LowRatingThreshold { get; set; }

    public static string ChannelKey(string kind) => "channel:" + kind;
    public static string GroupKey(long groupId) => "group:" + groupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class CsatSurveyConfiguration : IEntityTypeConfiguration<CsatSurvey>
{
    public void Configure(EntityTypeBuilder<CsatSurvey> b)
    {
        b.ToTable("CsatSurveys");
        b.Property(s => s.Channel).HasConversion<ChannelKindConverter>().HasMaxLength(ChannelKind.MaxLength);
        b.Property(s => s.Language).HasMaxLength(8);
        b.Property(s => s.TokenHash).HasMaxLength(CsatSurvey.TokenHashLength);
        b.Property(s => s.Comment).HasMaxLength(CsatSurvey.CommentMaxLength);
        b.Property(s => s.SkipReason).HasMaxLength(CsatSurvey.SkipReasonMaxLength);
        b.HasIndex(s => s.ResolutionEventId).IsUnique();
        b.HasIndex(s => s.TokenHash).IsUnique().HasFilter("\"TokenHash\" IS NOT NULL");
        // The sender's scan: scheduled ones whose time has come, soonest first.
        b.HasIndex(s => new { s.Status, s.DueAt });
        b.HasIndex(s => new { s.TicketId, s.Id });
        // The answers list and the reports: by answer time, all or per group, agent, company, customer.
        b.HasIndex(s => new { s.AnsweredAt, s.Id }).HasFilter("\"AnsweredAt\" IS NOT NULL");
        b.HasIndex(s => new { s.GroupId, s.AnsweredAt, s.Id }).HasFilter("\"AnsweredAt\" IS NOT NULL");
        b.HasIndex(s => new { s.AgentId, s.AnsweredAt }).HasFilter("\"AnsweredAt\" IS NOT NULL");
        b.HasIndex(s => new { s.CompanyId, s.AnsweredAt }).HasFilter("\"AnsweredAt\" IS NOT NULL");
        b.HasIndex(s => new { s.ContactId, s.AnsweredAt });
        b.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CsatSettingConfiguration : IEntityTypeConfiguration<CsatSetting>
{
    public void Configure(EntityTypeBuilder<CsatSetting> b)
    {
        b.ToTable("CsatSettings");
        b.Property(s => s.Key).HasMaxLength(CsatSetting.KeyMaxLength);
        b.Property(s => s.Channel).HasMaxLength(ChannelKind.MaxLength);
        b.Property(s => s.TextEn).HasMaxLength(CsatSetting.TextMaxLength);
        b.Property(s => s.TextRu).HasMaxLength(CsatSetting.TextMaxLength);
        b.HasIndex(s => s.Key).IsUnique();
        b.HasOne<Admin.Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class SurveysData
{
    extension(OknoDb db)
    {
        public DbSet<CsatSurvey> CsatSurveys => db.Set<CsatSurvey>();
        public DbSet<CsatSetting> CsatSettings => db.Set<CsatSetting>();
    }
}
