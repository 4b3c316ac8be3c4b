using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Bots.Answer;

/// <summary>What the answer bot learned about one article and one word (stem) of the requests it was offered for: how often
/// the customer said it solved the request, how often they said it did not. One row per (article, term).</summary>
public sealed class BotArticleOutcome
{
    public const int TermMaxLength = 64;

    public long Id { get; set; }
    public long ArticleId { get; set; }
    public string Term { get; set; } = "";
    public int Solved { get; set; }
    public int Rejected { get; set; }
}

/// <summary>The answer bot's counters of one article, for KB editors: how often it was offered, said to solve the request,
/// said not to. Maintained by the bot as it goes (never counted from history on a page view).</summary>
public sealed class BotArticleStats
{
    public long ArticleId { get; set; }
    public int Offered { get; set; }
    public int Solved { get; set; }
    public int Rejected { get; set; }

    /// <summary>Solved out of the answered offers (solved + rejected); null before any answer.</summary>
    public static double? HitRate(int solved, int rejected) => solved + rejected == 0 ? null : (double)solved / (solved + rejected);
}

internal sealed class BotArticleOutcomeConfiguration : IEntityTypeConfiguration<BotArticleOutcome>
{
    public void Configure(EntityTypeBuilder<BotArticleOutcome> b)
    {
        b.ToTable("BotArticleOutcomes");
        b.Property(o => o.Term).HasMaxLength(BotArticleOutcome.TermMaxLength);
        b.HasIndex(o => new { o.ArticleId, o.Term }).IsUnique();
        // FindAsync reads the rows of the question's terms.
        b.HasIndex(o => o.Term);
    }
}

internal sealed class BotArticleStatsConfiguration : IEntityTypeConfiguration<BotArticleStats>
{
    public void Configure(EntityTypeBuilder<BotArticleStats> b)
    {
        b.ToTable("BotArticleStats");
        b.HasKey(s => s.ArticleId);
        b.Property(s => s.ArticleId).ValueGeneratedNever();
    }
}
