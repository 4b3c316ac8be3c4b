using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Search;
using Okno.Platform.Security;
using Okno.Tickets;

namespace Okno.Platform.Data;

/// <summary>The one database of Okno. LINQ is written once against this class; what differs between
/// SQLite and PostgreSQL lives in the two subclasses beside it.</summary>
public abstract class OknoDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<TicketLink> TicketLinks => Set<TicketLink>();
    public DbSet<TicketCount> TicketCounts => Set<TicketCount>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactEmail> ContactEmails => Set<ContactEmail>();
    public DbSet<ContactPhone> ContactPhones => Set<ContactPhone>();
    public DbSet<ContactExternalId> ContactExternalIds => Set<ContactExternalId>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<AgentGroup> AgentGroups => Set<AgentGroup>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();
    public DbSet<SearchBacklogItem> SearchBacklog => Set<SearchBacklogItem>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The next human ticket number (10001, 10002…). Call it inside the transaction that inserts the ticket.</summary>
    public async Task<long> NextTicketNumberAsync(CancellationToken cancellationToken) => (await NextTicketNumbersAsync(1, cancellationToken))[0];

    /// <summary>The next <paramref name="count"/> ticket numbers, ascending, in one round trip. Call it inside the
    /// transaction that inserts the tickets.</summary>
    public abstract Task<IReadOnlyList<long>> NextTicketNumbersAsync(int count, CancellationToken cancellationToken);

    /// <summary>Makes concurrent writers of one ticket wait for each other instead of failing; call first inside
    /// <see cref="WriteAsync{T}"/>, before loading the ticket.</summary>
    public abstract Task LockTicketAsync(long ticketId, CancellationToken cancellationToken);

    /// <summary>Case-folds text the same way on both databases, for case-insensitive LIKE over any alphabet.
    /// Only usable inside queries.</summary>
    public static string Fold(string text) => throw new InvalidOperationException("Fold is translated to SQL only.");

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it commits or none of it does. A unique-key
    /// race with a concurrent writer (two requests creating the same contact or tag, or changing the same ticket) is
    /// retried from scratch, so <paramref name="work"/> must load and create everything it saves itself.</summary>
    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            // A failure rolls the whole transaction back and retries it, so per-SaveChanges savepoints would only
            // cost two round trips each.
            Database.AutoSavepointsEnabled = false;
            try
            {
                var result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (attempt < MaxWriteAttempts && (e is DbUpdateConcurrencyException || IsUniqueViolation(e)))
            {
                await transaction.RollbackAsync(cancellationToken);
                ChangeTracker.Clear();
                // A little jitter, so writers that collided do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(2, 20) * attempt, cancellationToken);
            }
        }
    }

    private const int MaxWriteAttempts = 5;

    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>Full-text matches of entries holding every one of <paramref name="terms"/> (analyzer output, at least
    /// one), each with a rank where higher is better and a title hit outweighs a body hit. The terms are passed as
    /// quoted data, never as query syntax. Only entries of <paramref name="kinds"/> (at least one; the filter is inside
    /// the index, so a rare kind is cheap to search among common words). Compose with LINQ (language, access filters,
    /// <see cref="SearchIndex.Candidates"/>) before reading.</summary>
    /// <para><paramref name="kindsAreFew"/>: false when the kinds hold most of the index (ticket subjects and messages).
    /// SQLite then checks the kind on each match instead of in FTS5, whose newest-first walk over a token in millions of
    /// entries (the kind's own) costs ~120 ms at 6M entries whatever the words.</para>
    public abstract IQueryable<SearchMatch> SearchMatches(IReadOnlyList<string> terms, IReadOnlyCollection<string> kinds, bool kindsAreFew = true);

    /// <summary>Kinds are code constants (lowercase letters, digits, underscores); anything else is a programming error.</summary>
    protected static IReadOnlyCollection<string> CheckedKinds(IReadOnlyCollection<string> kinds)
    {
        if (kinds.Count == 0) throw new ArgumentException("At least one kind.", nameof(kinds));
        foreach (var kind in kinds)
            if (kind.Length == 0 || !kind.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                throw new ArgumentException($"Not a search kind: '{kind}'.", nameof(kinds));
        return kinds;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OknoDb).Assembly, t => t.Namespace?.StartsWith("Okno.", StringComparison.Ordinal) == true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseHistoryEdits();
        // Rarely used (the app saves asynchronously); SQLite's and Npgsql's async paths are safe to wait on here.
        global::Okno.Channels.DeliveryQueue.StageAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        global::Okno.Tickets.TicketCounts.RecordChanges(this);
        var search = SearchIndexing.Collect(this);
        if (search is null) return base.SaveChanges(acceptAllChangesOnSuccess);
        // Rarely used (the app saves asynchronously); SQLite's and Npgsql's async paths are safe to wait on here.
        return SaveWithSearchAsync(search, acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseHistoryEdits();
        // A public reply gets its delivery row in this save (Channels' save-time step; it reads the reply's conversation).
        await global::Okno.Channels.DeliveryQueue.StageAsync(this, cancellationToken);
        global::Okno.Tickets.TicketCounts.RecordChanges(this);
        var search = SearchIndexing.Collect(this);
        return search is null
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await SaveWithSearchAsync(search, acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Saves the entities (their ids are known afterwards), then writes their search entries, in one
    /// transaction: the caller's (<see cref="WriteAsync{T}"/>) or one opened here.</summary>
    private async Task<int> SaveWithSearchAsync(SearchIndexing.Pending search, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await SearchIndexing.StageAsync(this, search, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>History is append-only: nothing edits or removes a recorded event.</summary>
    private void RefuseHistoryEdits()
    {
        if (ChangeTracker.Entries<TicketEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Ticket history is append-only: an event cannot be edited or deleted.");
    }
}

public enum DatabaseProvider { Sqlite, Postgres }
