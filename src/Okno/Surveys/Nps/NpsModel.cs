using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Customers;
using Okno.Tickets;

namespace Okno.Surveys.Nps;

/// <summary>Who a campaign asks: the contacts of chosen companies, the customers who opened a ticket in a period, or
/// every contact with an email. Each of them needs an email in any case: the question goes out by mail.</summary>
public enum NpsSegment { Companies, Period, AllWithEmail }

/// <summary>Once at <see cref="NpsCampaign.StartAt"/>, or from then on every month or every quarter.</summary>
public enum NpsSchedule { Once, Monthly, Quarterly }

/// <summary>An NPS campaign (S9): a 0–10 question by mail to a segment of contacts, once or on a schedule.</summary>
public sealed class NpsCampaign
{
    public const int NameMaxLength = 200;
    public const int QuestionMaxLength = 500;
    public const int MaxCompanies = 200;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The question in Russian and in English; the contact's language picks, the other one stands in when one is empty.</summary>
    public string? QuestionRu { get; set; }
    public string? QuestionEn { get; set; }
    public NpsSegment Segment { get; set; }
    public List<long> CompanyIds { get; set; } = [];
    /// <summary>For <see cref="NpsSegment.Period"/>: tickets created in [from, to).</summary>
    public DateTimeOffset? TicketsFrom { get; set; }
    public DateTimeOffset? TicketsTo { get; set; }
    public NpsSchedule Schedule { get; set; }
    /// <summary>The first (or only) run, UTC; recurring runs keep its local time of day in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset StartAt { get; set; }
    public string TimeZone { get; set; } = "UTC";
    /// <summary>When the next run is due; null when there is none (a sent one-off, a disabled campaign).</summary>
    public DateTimeOffset? NextRunAt { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>A detractor's answer opens a follow-up ticket by itself.</summary>
    public bool AutoFollowUp { get; set; }
    /// <summary>Raised by every edit, so the job's move of <see cref="NextRunAt"/> never undoes an edit made meanwhile.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string QuestionIn(string language) =>
        (language == "ru" ? QuestionRu ?? QuestionEn : QuestionEn ?? QuestionRu) ?? "";
}

/// <summary>One run of a campaign (a planned instant). Its unique (campaign, instant) keeps two nodes from starting it
/// twice; <see cref="CursorContactId"/> is how far through the segment (by contact id) its sending has come.</summary>
public sealed class NpsRun
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public long CursorContactId { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>One question sent to one person in one run: unique per (run, contact), so a person is asked once per run
/// whatever the number of nodes or repeats. The link's token is stored only as its SHA-256.</summary>
public sealed class NpsSend
{
    public const int HashLength = 64;
    public long Id { get; set; }
    public long RunId { get; set; }
    public long CampaignId { get; set; }
    /// <summary>Null once the contact is deleted (merged away); the send and its answer stay for the figures.</summary>
    public long? ContactId { get; set; }
    public long? CompanyId { get; set; }
    public string TokenHash { get; set; } = "";
    /// <summary>"ru" or "en": the language of the mail and of the survey page.</summary>
    public string Language { get; set; } = "en";
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>An answer: a simple indexed table (campaign, contact, company, score, comment, time) that reports sum.</summary>
public sealed class NpsAnswer
{
    public const int CommentMaxLength = 2000;
    public long Id { get; set; }
    public long SendId { get; set; }
    public long CampaignId { get; set; }
    public long? ContactId { get; set; }
    public long? CompanyId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public DateTimeOffset? CommentedAt { get; set; }
    public long? FollowUpTicketId { get; set; }
}

/// <summary>What the desk knows of a person across all campaigns: when they were last asked (the minimum interval holds
/// across campaigns) and whether they asked never to be asked again. The job's conditional update of this row is what
/// keeps two campaigns (or two nodes) from asking the same person within the interval.</summary>
public sealed class NpsContactState
{
    public long ContactId { get; set; }
    public DateTimeOffset? LastAskedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
}

/// <summary>The desk's NPS settings: one row (id 1); absent means the defaults.</summary>
public sealed class NpsSettings
{
    public const int DefaultMinIntervalDays = 90;
    public long Id { get; set; } = 1;
    public int MinIntervalDays { get; set; } = DefaultMinIntervalDays;
}

internal sealed class NpsCampaignConfiguration : IEntityTypeConfiguration<NpsCampaign>
{
    public void Configure(EntityTypeBuilder<NpsCampaign> b)
    {
        b.ToTable("NpsCampaigns");
        b.Property(c => c.Name).HasMaxLength(NpsCampaign.NameMaxLength);
        b.Property(c => c.QuestionRu).HasMaxLength(NpsCampaign.QuestionMaxLength);
        b.Property(c => c.QuestionEn).HasMaxLength(NpsCampaign.QuestionMaxLength);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        // The job's scan: due campaigns, soonest first.
        b.HasIndex(c => new { c.NextRunAt, c.Id }).HasFilter("\"NextRunAt\" IS NOT NULL");
    }
}

internal sealed class NpsRunConfiguration : IEntityTypeConfiguration<NpsRun>
{
    public void Configure(EntityTypeBuilder<NpsRun> b)
    {
        b.ToTable("NpsRuns");
        b.HasIndex(r => new { r.CampaignId, r.PlannedAt }).IsUnique();
        // The job's scan: runs still sending.
        b.HasIndex(r => r.Id).HasFilter("\"FinishedAt\" IS NULL").HasDatabaseName("IX_NpsRuns_Unfinished");
        b.HasOne<NpsCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NpsSendConfiguration : IEntityTypeConfiguration<NpsSend>
{
    public void Configure(EntityTypeBuilder<NpsSend> b)
    {
        b.ToTable("NpsSends");
        b.Property(s => s.TokenHash).HasMaxLength(NpsSend.HashLength);
        b.Property(s => s.Language).HasMaxLength(8);
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => new { s.RunId, s.ContactId }).IsUnique();
        b.HasIndex(s => new { s.CampaignId, s.SentAt });
        b.HasIndex(s => s.ContactId);
        b.HasOne<NpsRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NpsAnswerConfiguration : IEntityTypeConfiguration<NpsAnswer>
{
    public void Configure(EntityTypeBuilder<NpsAnswer> b)
    {
        b.ToTable("NpsAnswers");
        b.Property(a => a.Comment).HasMaxLength(NpsAnswer.CommentMaxLength);
        // One answer per question sent: the second click finds it.
        b.HasIndex(a => a.SendId).IsUnique();
        // The campaign page (figures over time, answers newest first) and the KPI report (NPS per period / company).
        b.HasIndex(a => new { a.CampaignId, a.AnsweredAt });
        b.HasIndex(a => new { a.CampaignId, a.Id });
        b.HasIndex(a => a.AnsweredAt);
        b.HasIndex(a => new { a.CompanyId, a.AnsweredAt });
        b.HasIndex(a => a.ContactId);
        b.HasIndex(a => a.FollowUpTicketId);
        b.HasOne<NpsSend>().WithMany().HasForeignKey(a => a.SendId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<NpsCampaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Ticket>().WithMany().HasForeignKey(a => a.FollowUpTicketId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NpsContactStateConfiguration : IEntityTypeConfiguration<NpsContactState>
{
    public void Configure(EntityTypeBuilder<NpsContactState> b)
    {
        b.ToTable("NpsContactStates");
        b.HasKey(s => s.ContactId);
        b.Property(s => s.ContactId).ValueGeneratedNever();
        b.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NpsSettingsConfiguration : IEntityTypeConfiguration<NpsSettings>
{
    public void Configure(EntityTypeBuilder<NpsSettings> b)
    {
        b.ToTable("NpsSettings");
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
