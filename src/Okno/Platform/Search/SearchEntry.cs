using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Platform.Search;

/// <summary>One searchable thing (a ticket's subject, a message, an article…) in the full-text index. Title and Body
/// hold the <see cref="TextAnalyzer"/> output, never the original text. The engine-specific part lives beside it in
/// the database, fed from this row in the same transaction: on SQLite the FTS5 table "SearchFts" (external content,
/// rowid = Id, kept in step by triggers), on PostgreSQL the generated tsvector column "Document" with a GIN index
/// (see <see cref="SearchSchema"/>).</summary>
public sealed class SearchEntry
{
    public const int KindMaxLength = 32;

    public long Id { get; set; }
    /// <summary>What the owner is: "ticket_subject", "message", "article"…</summary>
    public string Kind { get; set; } = "";
    /// <summary>The id of the owner within its kind.</summary>
    public long OwnerId { get; set; }
    /// <summary>The ticket the entry belongs to, for ticket search and its access rules; null for other kinds.</summary>
    public long? TicketId { get; set; }
    /// <summary>"ru", "en" or "" (unknown); a query may filter on it.</summary>
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>The vocabulary of indexed terms (stems), for correcting a mistyped query word. Only words of letters are
/// kept (numbers and codes would bloat it for no use). Inserted with ON CONFLICT DO NOTHING in the indexing
/// transaction, so it is never behind the index; it is never pruned (a stale term only costs a failed retry).</summary>
public sealed class SearchTerm
{
    public const int MaxLength = TextAnalyzer.MaxWordLength;

    public string Term { get; set; } = "";
    /// <summary>The first letter: typo candidates are read by (Prefix, Length), an index range.</summary>
    public string Prefix { get; set; } = "";
    public int Length { get; set; }
}

/// <summary>Owners still to be indexed: filled by the migration that created the index with every ticket and message
/// that existed then, drained in small batches by a background job after start-up.</summary>
public sealed class SearchBacklogItem
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public long OwnerId { get; set; }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("SearchEntries");
        b.Property(e => e.Kind).HasMaxLength(SearchEntry.KindMaxLength);
        b.Property(e => e.Language).HasMaxLength(8);
        b.HasIndex(e => new { e.Kind, e.OwnerId }).IsUnique();
        b.HasIndex(e => e.TicketId);
    }
}

internal sealed class SearchTermConfiguration : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> b)
    {
        b.ToTable("SearchTerms");
        b.HasKey(t => t.Term);
        b.Property(t => t.Term).HasMaxLength(SearchTerm.MaxLength);
        b.Property(t => t.Prefix).HasMaxLength(4);
        b.HasIndex(t => new { t.Prefix, t.Length });
    }
}

internal sealed class SearchBacklogItemConfiguration : IEntityTypeConfiguration<SearchBacklogItem>
{
    public void Configure(EntityTypeBuilder<SearchBacklogItem> b)
    {
        b.ToTable("SearchBacklog");
        b.Property(e => e.Kind).HasMaxLength(SearchEntry.KindMaxLength);
    }
}

/// <summary>A row of a full-text match: the entry and how well it matched (higher is better, on both databases).</summary>
public sealed class SearchMatch
{
    public long EntryId { get; set; }
    public string Kind { get; set; } = "";
    public long OwnerId { get; set; }
    public long? TicketId { get; set; }
    public string Language { get; set; } = "";
    public double Rank { get; set; }
}

/// <summary>What an entity puts in the index: its original title and body text (the analyzer runs on them).</summary>
public sealed record SearchDocument(string Kind, long OwnerId, long? TicketId, string Language, string Title, string Body);

/// <summary>An entity that indexes itself. <see cref="Data.OknoDb"/> sees every added, changed or deleted
/// <see cref="ISearchable"/> in SaveChanges and writes its <see cref="SearchEntry"/> in the same transaction, so no use
/// case can forget it and a change is searchable as soon as it commits.</summary>
public interface ISearchable
{
    /// <summary>The properties whose change makes the entry stale; a change to any other property does not re-index.</summary>
    IReadOnlyCollection<string> SearchedProperties { get; }

    /// <summary>The kind of entry this entity owns (stable: a deleted entity's entry is found by it).</summary>
    string SearchKind { get; }

    /// <summary>The document, read after the entity is saved (so its id is known).</summary>
    SearchDocument ToSearchDocument();
}
