using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Knowledge.HelpCenter;

/// <summary>One help-center search of an anonymous visit: what was typed, what the analyzer made of it, how many results.</summary>
public sealed class HelpSearch
{
    public const int QueryMaxLength = 500;

    public long Id { get; set; }
    public string VisitId { get; set; } = "";
    public string Query { get; set; } = "";
    public string NormalizedQuery { get; set; } = "";
    public string Language { get; set; } = "";
    public int ResultCount { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary><see cref="BotSolved"/>: the answer bot solved a request with its articles (a deflection; visit id "bot").</summary>
public enum HelpVisitEventKind { ArticleOpened, FeedbackGiven, TicketCreated, BotSolved }

/// <summary>Something a visit did in the help center, for the search report: an article opened (from which search),
/// a vote, a ticket opened through the contact form.</summary>
public sealed class HelpVisitEvent
{
    public long Id { get; set; }
    public string VisitId { get; set; } = "";
    public HelpVisitEventKind Kind { get; set; }
    public long? ArticleId { get; set; }
    public long? TranslationId { get; set; }
    public long? SearchId { get; set; }
    public long? TicketId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>"Was this helpful?" of one visit on one article: at most one per visit and article.</summary>
public sealed class ArticleFeedback
{
    public const int CommentMaxLength = 1000;

    public long Id { get; set; }
    public long ArticleId { get; set; }
    public long TranslationId { get; set; }
    public bool Helpful { get; set; }
    public string? Comment { get; set; }
    public string VisitId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class HelpSearchConfiguration : IEntityTypeConfiguration<HelpSearch>
{
    public void Configure(EntityTypeBuilder<HelpSearch> b)
    {
        b.ToTable("HelpSearches");
        b.Property(s => s.VisitId).HasMaxLength(HelpVisit.IdLength);
        b.Property(s => s.Query).HasMaxLength(HelpSearch.QueryMaxLength);
        b.Property(s => s.NormalizedQuery).HasMaxLength(2000);
        b.Property(s => s.Language).HasMaxLength(ArticleTranslation.LanguageMaxLength);
        b.HasIndex(s => s.At);
        b.HasIndex(s => s.VisitId);
    }
}

internal sealed class HelpVisitEventConfiguration : IEntityTypeConfiguration<HelpVisitEvent>
{
    public void Configure(EntityTypeBuilder<HelpVisitEvent> b)
    {
        b.ToTable("HelpVisitEvents");
        b.Property(e => e.VisitId).HasMaxLength(HelpVisit.IdLength);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.VisitId);
    }
}

internal sealed class ArticleFeedbackConfiguration : IEntityTypeConfiguration<ArticleFeedback>
{
    public void Configure(EntityTypeBuilder<ArticleFeedback> b)
    {
        b.ToTable("KbArticleFeedback");
        b.Property(f => f.VisitId).HasMaxLength(HelpVisit.IdLength);
        b.Property(f => f.Comment).HasMaxLength(ArticleFeedback.CommentMaxLength);
        b.HasIndex(f => new { f.VisitId, f.ArticleId }).IsUnique();
        b.HasIndex(f => new { f.TranslationId, f.At });
        b.HasIndex(f => f.At);
    }
}
